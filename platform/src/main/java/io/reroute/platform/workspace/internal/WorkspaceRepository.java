package io.reroute.platform.workspace.internal;

import io.r2dbc.spi.Readable;
import io.reroute.platform.tenancy.WorkspaceId;
import io.reroute.platform.workspace.Branding;
import io.reroute.platform.workspace.EnforcementThresholds;
import io.reroute.platform.workspace.LandingAddresses;
import io.reroute.platform.workspace.MailSender;
import io.reroute.platform.workspace.RadiusProfile;
import io.reroute.platform.workspace.Workspace;
import io.reroute.platform.workspace.WorkspaceSettings;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Workspaces and their settings. Every call runs inside a workspace transaction and names the workspace. */
@Repository
public class WorkspaceRepository {

    private static final String SETTINGS = "SELECT w.display_name, s.version, s.brand_logo_url, s.brand_primary_color,"
            + " s.brand_accent_color, s.brand_title, s.brand_message, s.brand_button_label, s.brand_note, s.reminder_host,"
            + " host(s.landing_ipv4) AS landing_ipv4, host(s.landing_ipv6) AS landing_ipv6, s.mail_from_name,"
            + " s.mail_from_address, s.reminder_after_days, s.block_after_days, s.block_min_amount, s.restricted_address_list,"
            + " s.restricted_rate_limit, s.restricted_pool, s.acct_interim_interval, s.updated_at"
            + " FROM workspace_settings s JOIN workspace w ON w.id = s.workspace_id"
            + " WHERE s.workspace_id = :workspace AND w.id = :workspace";

    private final DatabaseClient db;

    public WorkspaceRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Workspace> find(WorkspaceId workspace) {
        return db.sql(
                        "SELECT id, slug, display_name, region, currency, created_at FROM workspace WHERE id = :workspace")
                .bind("workspace", workspace.value())
                .map(row -> new Workspace(
                        new WorkspaceId(row.get("id", UUID.class)),
                        row.get("slug", String.class),
                        row.get("display_name", String.class),
                        row.get("region", String.class),
                        row.get("currency", String.class),
                        row.get("created_at", Instant.class)))
                .one();
    }

    /** The settings; with {@code lock}, the row stays locked until the transaction ends. */
    public Mono<WorkspaceSettings> settings(WorkspaceId workspace, boolean lock) {
        return db.sql(SETTINGS + (lock ? " FOR UPDATE OF s, w" : ""))
                .bind("workspace", workspace.value())
                .map(WorkspaceRepository::readSettings)
                .one();
    }

    public Mono<Void> insertWorkspace(Workspace workspace) {
        return db.sql("INSERT INTO workspace (id, slug, display_name, region, currency, created_at, updated_at)"
                        + " VALUES (:id, :slug, :name, :region, :currency, :at, :at)")
                .bind("id", workspace.id().value())
                .bind("slug", workspace.slug())
                .bind("name", workspace.displayName())
                .bind("region", workspace.region())
                .bind("currency", workspace.currency())
                .bind("at", workspace.createdAt())
                .fetch()
                .rowsUpdated()
                .then();
    }

    public Mono<Void> insertSettings(WorkspaceId workspace, WorkspaceSettings settings) {
        return db.sql("INSERT INTO workspace_settings (workspace_id, version, brand_logo_url, brand_primary_color,"
                        + " brand_accent_color, brand_title, brand_message, brand_button_label, brand_note, reminder_host,"
                        + " landing_ipv4, landing_ipv6, mail_from_name, mail_from_address, reminder_after_days,"
                        + " block_after_days, block_min_amount, restricted_address_list, restricted_rate_limit,"
                        + " restricted_pool, acct_interim_interval, updated_at) VALUES (:workspace, :version, :logo,"
                        + " :primary, :accent, :title, :message, :button, :note, :host, CAST(:ipv4 AS inet),"
                        + " CAST(:ipv6 AS inet), :mailName, :mailAddress, :remindAfter, :blockAfter, :blockMin,"
                        + " :addressList, :rateLimit, :pool, :interim, :at)")
                .bindValues(settingsValues(workspace, settings))
                .fetch()
                .rowsUpdated()
                .then();
    }

    /** Writes new settings if the stored version is still {@code expectedVersion}; returns rows changed. */
    Mono<Long> updateSettings(WorkspaceId workspace, long expectedVersion, WorkspaceSettings settings) {
        Map<String, Object> values = settingsValues(workspace, settings);
        values.put("expected", expectedVersion);
        return db.sql("UPDATE workspace_settings SET version = :version, brand_logo_url = :logo,"
                        + " brand_primary_color = :primary, brand_accent_color = :accent, brand_title = :title,"
                        + " brand_message = :message, brand_button_label = :button, brand_note = :note,"
                        + " reminder_host = :host, landing_ipv4 = CAST(:ipv4 AS inet), landing_ipv6 = CAST(:ipv6 AS inet),"
                        + " mail_from_name = :mailName, mail_from_address = :mailAddress,"
                        + " reminder_after_days = :remindAfter, block_after_days = :blockAfter,"
                        + " block_min_amount = :blockMin, restricted_address_list = :addressList,"
                        + " restricted_rate_limit = :rateLimit, restricted_pool = :pool, acct_interim_interval = :interim,"
                        + " updated_at = :at"
                        + " WHERE workspace_id = :workspace AND version = :expected")
                .bindValues(values)
                .fetch()
                .rowsUpdated()
                .flatMap(updated -> db.sql(
                                "UPDATE workspace SET display_name = :name, updated_at = :at WHERE id = :workspace")
                        .bind("name", settings.displayName())
                        .bind("at", settings.updatedAt())
                        .bind("workspace", workspace.value())
                        .fetch()
                        .rowsUpdated()
                        .thenReturn(updated));
    }

    private static Map<String, Object> settingsValues(WorkspaceId workspace, WorkspaceSettings s) {
        Map<String, Object> values = new HashMap<>();
        values.put("workspace", workspace.value());
        values.put("version", s.version());
        values.put("logo", nullable(s.branding().logoUrl(), String.class));
        values.put("primary", s.branding().primaryColor());
        values.put("accent", s.branding().accentColor());
        values.put("title", s.branding().title());
        values.put("message", s.branding().message());
        values.put("button", s.branding().buttonLabel());
        values.put("note", nullable(s.branding().note(), String.class));
        values.put("host", nullable(s.reminderHost(), String.class));
        values.put("ipv4", nullable(s.landing().ipv4(), String.class));
        values.put("ipv6", nullable(s.landing().ipv6(), String.class));
        values.put("mailName", nullable(s.mail().fromName(), String.class));
        values.put("mailAddress", nullable(s.mail().fromAddress(), String.class));
        values.put("remindAfter", s.thresholds().reminderAfterDays());
        values.put("blockAfter", s.thresholds().blockAfterDays());
        values.put("blockMin", s.thresholds().minimumAmountToBlock());
        values.put("addressList", s.radius().restrictedAddressList());
        values.put("rateLimit", s.radius().restrictedRateLimit());
        values.put("pool", nullable(s.radius().restrictedPool(), String.class));
        values.put("interim", s.radius().interimIntervalSeconds());
        values.put("at", s.updatedAt());
        return values;
    }

    private static Object nullable(Object value, Class<?> type) {
        return value != null ? value : Parameter.empty(type);
    }

    private static WorkspaceSettings readSettings(Readable row) {
        return new WorkspaceSettings(
                row.get("version", Long.class),
                row.get("display_name", String.class),
                new Branding(
                        row.get("brand_logo_url", String.class),
                        row.get("brand_primary_color", String.class),
                        row.get("brand_accent_color", String.class),
                        row.get("brand_title", String.class),
                        row.get("brand_message", String.class),
                        row.get("brand_button_label", String.class),
                        row.get("brand_note", String.class)),
                row.get("reminder_host", String.class),
                new LandingAddresses(row.get("landing_ipv4", String.class), row.get("landing_ipv6", String.class)),
                new MailSender(row.get("mail_from_name", String.class), row.get("mail_from_address", String.class)),
                new EnforcementThresholds(
                        row.get("reminder_after_days", Integer.class),
                        row.get("block_after_days", Integer.class),
                        row.get("block_min_amount", BigDecimal.class)),
                new RadiusProfile(
                        row.get("restricted_address_list", String.class),
                        row.get("restricted_rate_limit", String.class),
                        row.get("restricted_pool", String.class),
                        row.get("acct_interim_interval", Integer.class)),
                row.get("updated_at", Instant.class));
    }
}
