package org.conflictmap.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.conflictmap.config.Config;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.ingest.Ingester;
import org.conflictmap.store.AuditStore;
import org.conflictmap.store.EventAggregates;
import org.conflictmap.store.EventImportStore;
import org.conflictmap.store.EventStore;
import org.conflictmap.store.FeedStore;
import org.conflictmap.store.IngestStore;
import org.conflictmap.store.LatestEvents;
import org.conflictmap.store.TokenStore;
import org.conflictmap.store.ZoneEventStore;
import org.conflictmap.store.ZoneStore;
import org.conflictmap.store.ZoneVersionStore;

/**
 * The services the HTTP layer hands requests to; built once at start-up by {@link
 * org.conflictmap.App}.
 */
public record Api(
    Config config,
    ObjectMapper json,
    Gazetteer gazetteer,
    Ingester ingester,
    IngestStore articles,
    EventStore events,
    ZoneStore zones,
    CountryLayer countries,
    ZoneVersionStore zoneVersions,
    ZoneEventStore zoneEvents,
    FeedStore feeds,
    TokenStore tokens,
    AuditStore audit,
    LatestEvents latest,
    EventAggregates aggregates,
    EventImportStore imports) {}
