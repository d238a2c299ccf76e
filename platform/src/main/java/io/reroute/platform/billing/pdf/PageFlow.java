package io.reroute.platform.billing.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * A4 pages filled from the top down, a new page when one is full, in one font. One per document:
 * not thread-safe. Positions are PDF points from the page's bottom left corner.
 */
final class PageFlow implements AutoCloseable {

    static final float LEFT = 50;
    static final float RIGHT = PDRectangle.A4.getWidth() - 50;
    private static final float TOP = PDRectangle.A4.getHeight() - 50;
    private static final float BOTTOM = 60;
    private static final float FOOTER_BASELINE = 32;

    /** Per point of font size: from the top of a line to its baseline, and from line to line. */
    private static final float ASCENT = 0.9f, LEADING = 1.35f;

    private static final Pattern NEWLINE = Pattern.compile("\r\n|\r|\n");
    private static final Pattern SPACES = Pattern.compile(" +");

    // PDFBox's own last-resort font, Liberation Sans (SIL Open Font License). Embedded as a subset
    // it covers Latin, Greek and Cyrillic, and unlike the Standard 14 fonts it does not make
    // PDFBox scan the system's fonts (and write a cache to the home directory) on first use.
    private static final byte[] FONT = readFont("/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf");

    private final PDDocument document = new PDDocument();
    private final TrueTypeFont ttf;
    private final CmapLookup glyphs;
    private final PDType0Font font;
    private PDPageContentStream content;
    private float y;

    PageFlow() throws IOException {
        ttf = new TTFParser().parse(new RandomAccessReadBuffer(FONT));
        glyphs = ttf.getUnicodeCmapLookup();
        font = PDType0Font.load(document, ttf, true);
        newPage();
    }

    /** Colours as the content stream takes them, 0 to 1. */
    record Rgb(float red, float green, float blue) {

        static final Rgb TEXT = hex("#111827");
        static final Rgb MUTED = hex("#6b7280");
        static final Rgb LINE = hex("#d1d5db");
        static final Rgb NEUTRAL = hex("#374151");

        private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");

        /** A brand colour for text on white paper, or {@link #NEUTRAL} if it is not one. */
        static Rgb brand(String color) {
            if (color == null || !HEX.matcher(color).matches()) {
                return NEUTRAL;
            }
            Rgb rgb = hex(color);
            // WCAG's 3:1 for large text: a pale brand colour (white, light yellow) would vanish.
            double contrastOnWhite = 1.05 / (rgb.luminance() + 0.05);
            return contrastOnWhite >= 3 ? rgb : NEUTRAL;
        }

        private static Rgb hex(String color) {
            int value = Integer.parseInt(color.substring(1), 16);
            return new Rgb((value >> 16 & 0xff) / 255f, (value >> 8 & 0xff) / 255f, (value & 0xff) / 255f);
        }

        private double luminance() {
            return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue);
        }

        private static double linear(float channel) {
            return channel <= 0.04045 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
        }
    }

    /** Bold is drawn by also stroking the outlines: the embedded font has no bold face. */
    record Style(float size, Rgb color, boolean bold) {

        float lineHeight() {
            return size * LEADING;
        }

        /** From the top of a line down to its baseline. */
        float ascent() {
            return size * ASCENT;
        }
    }

    /** The top of the space left on the current page. */
    float y() {
        return y;
    }

    void down(float points) {
        y -= points;
    }

    void moveTo(float top) {
        y = top;
    }

    /** Starts a new page unless {@code height} points fit above the bottom margin; true if it did. */
    boolean ensureRoom(float height) throws IOException {
        if (y - height >= BOTTOM) {
            return false;
        }
        newPage();
        return true;
    }

    /**
     * {@code text} as lines no wider than {@code width}: broken at its newlines, then between words,
     * and inside a word only when the word alone is too wide. Null is no lines.
     */
    List<String> wrap(String text, Style style, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        if (text == null) {
            return lines;
        }
        for (String paragraph : NEWLINE.split(text, -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : SPACES.split(printable(paragraph).strip())) {
                String joined = line.isEmpty() ? word : line + " " + word;
                if (printableWidth(joined, style) <= width) {
                    line.setLength(0);
                    line.append(joined);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                for (int c : word.codePoints().toArray()) {
                    String longer = new StringBuilder(line).appendCodePoint(c).toString();
                    if (!line.isEmpty() && printableWidth(longer, style) > width) {
                        lines.add(line.toString());
                        line.setLength(0);
                    }
                    line.appendCodePoint(c);
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /**
     * Draws {@code lines} one under the other from {@code top}, starting at {@code x}, or ending at
     * it when {@code alignRight}. Returns the top of the space below them.
     */
    float lines(List<String> lines, float x, float top, Style style, boolean alignRight) throws IOException {
        float lineTop = top;
        for (String line : lines) {
            String printable = printable(line);
            float left = alignRight ? x - printableWidth(printable, style) : x;
            show(content, printable, left, lineTop - style.ascent(), style);
            lineTop -= style.lineHeight();
        }
        return lineTop;
    }

    /** A horizontal line from {@code x1} to {@code x2}, its top at {@code top}. */
    void rule(float x1, float x2, float top, float thickness, Rgb color) throws IOException {
        content.setNonStrokingColor(color.red(), color.green(), color.blue());
        content.addRect(x1, top - thickness, x2 - x1, thickness);
        content.fill();
    }

    float width(String text, Style style) throws IOException {
        return printableWidth(printable(text), style);
    }

    /** The PDF, with the title and "Page n of N" at the foot of each page when there are several. */
    byte[] finish(String title, String author) throws IOException {
        content.close();
        int pages = document.getNumberOfPages();
        if (pages > 1) {
            Style footer = new Style(8, Rgb.MUTED, false);
            String label = printable(title);
            for (int i = 0; i < pages; i++) {
                try (var stream = new PDPageContentStream(document, document.getPage(i), AppendMode.APPEND, true)) {
                    show(stream, label, LEFT, FOOTER_BASELINE, footer);
                    String page = "Page " + (i + 1) + " of " + pages;
                    show(stream, page, RIGHT - printableWidth(page, footer), FOOTER_BASELINE, footer);
                }
            }
        }
        var info = document.getDocumentInformation();
        info.setTitle(title);
        info.setAuthor(author);
        var out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }

    @Override
    public void close() throws IOException {
        try (ttf) {
            document.close();
        }
    }

    private void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        var page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = TOP;
    }

    private void show(PDPageContentStream stream, String printable, float x, float baseline, Style style)
            throws IOException {
        Rgb color = style.color();
        stream.beginText();
        stream.setFont(font, style.size());
        stream.setNonStrokingColor(color.red(), color.green(), color.blue());
        if (style.bold()) {
            stream.setStrokingColor(color.red(), color.green(), color.blue());
            stream.setLineWidth(style.size() * 0.03f);
            stream.setRenderingMode(RenderingMode.FILL_STROKE);
        } else {
            stream.setRenderingMode(RenderingMode.FILL);
        }
        stream.newLineAtOffset(x, baseline);
        stream.showText(printable);
        stream.endText();
    }

    private float printableWidth(String printable, Style style) throws IOException {
        return font.getStringWidth(printable) / 1000 * style.size();
    }

    /**
     * {@code text} on one line: composed form, tabs and line breaks as spaces, other control and
     * invisible format characters (zero-width joiners, soft hyphens) dropped, and '?' for each
     * character the font has no glyph for (emoji, CJK).
     */
    private String printable(String text) {
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
        var out = new StringBuilder(composed.length());
        for (int c : composed.codePoints().toArray()) {
            boolean invisible = Character.isISOControl(c) || Character.getType(c) == Character.FORMAT;
            if (c == '\t' || c == '\n' || c == '\r') {
                out.append(' ');
            } else if (!invisible) {
                out.appendCodePoint(glyphs.getGlyphId(c) == 0 ? '?' : c);
            }
        }
        return out.toString();
    }

    private static byte[] readFont(String resource) {
        try (InputStream in = PageFlow.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
