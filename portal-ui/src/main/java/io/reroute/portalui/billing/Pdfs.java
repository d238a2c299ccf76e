package io.reroute.portalui.billing;

import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.reroute.portalui.platform.ApiProblem;
import io.reroute.portalui.platform.PlatformApi;
import io.reroute.portalui.platform.PlatformUnavailableException;
import io.reroute.portalui.platform.SessionEndedException;
import io.reroute.portalui.session.PortalSession;
import java.io.ByteArrayInputStream;
import java.util.UUID;

/**
 * Downloads of the platform's invoice and receipt PDFs, fetched with the subscriber's session when
 * the link is opened (the browser never sees the session or the platform's address).
 */
final class Pdfs {

    private Pdfs() {}

    static DownloadHandler invoice(PlatformApi api, PortalSession session, Invoice invoice) {
        return pdf(api, session, "/internal/portal/invoices/{id}/pdf", invoice.id(), "invoice-" + invoice.number());
    }

    static DownloadHandler receipt(PlatformApi api, PortalSession session, Receipt receipt) {
        return pdf(api, session, "/internal/portal/payments/{id}/pdf", receipt.id(), "receipt-" + receipt.id());
    }

    private static DownloadHandler pdf(PlatformApi api, PortalSession session, String path, UUID id, String name) {
        String fileName = name.replaceAll("[^A-Za-z0-9._-]", "-") + ".pdf";
        return DownloadHandler.fromInputStream(download -> {
            try {
                byte[] pdf = api.get(path, id).session(session).bytes();
                return new DownloadResponse(new ByteArrayInputStream(pdf), fileName, "application/pdf", pdf.length);
            } catch (SessionEndedException e) {
                return DownloadResponse.error(401, "Your session ended; open the link in your latest reminder again.");
            } catch (ApiProblem e) {
                return DownloadResponse.error(e.status() == 404 ? 404 : 502, "The document is not available.");
            } catch (PlatformUnavailableException e) {
                return DownloadResponse.error(503, "The document is not available right now. Try again shortly.");
            }
        });
    }
}
