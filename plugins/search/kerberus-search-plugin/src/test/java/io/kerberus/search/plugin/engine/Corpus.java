package io.kerberus.search.plugin.engine;

import io.kerberus.search.SearchDocument;
import io.kerberus.search.SearchEngine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** About forty catalog entities and docs pages, chosen to catch the relevance failures of Lunr. */
final class Corpus {

    static final String CATALOG = "software-catalog";
    static final String DOCS = "techdocs";

    private Corpus() {
    }

    static List<SearchDocument> catalog() {
        List<SearchDocument> docs = new ArrayList<>();
        docs.add(entity("orders", "Component", "team-a", "production", "Takes and tracks customer orders.", "java", "commerce"));
        docs.add(entity("orders-api-gateway", "API", "team-platform", "production", "Routes requests to the orders service.", "gateway"));
        docs.add(entity("order-history", "Component", "team-a", "experimental", "Keeps past purchases for a year."));
        docs.add(entity("shipping", "Component", "team-b", "production", "Ships parcels once orders are paid."));
        docs.add(entity("tech-radar", "Component", "team-platform", "production", "Our technology radar.", "frontend"));
        docs.add(entity("techdocs-backend", "Component", "team-platform", "production", "Builds and serves documentation sites."));
        docs.add(entity("team-a", "Group", "team-a", "production", "The A team builds the storefront."));
        docs.add(entity("team-platform", "Group", "team-platform", "production", "The platform team runs the portal."));
        docs.add(entity("payments", "Component", "team-b", "production", "Card payments and refunds.", "commerce"));
        docs.add(entity("deploy-bot", "Component", "team-platform", "production", "A chat bot that ships builds."));
        docs.add(entity("release-train", "Component", "team-platform", "production", "Deploying services to production every week."));
        docs.add(entity("universe-explorer", "Component", "team-c", "experimental", "Browse the universe of services."));
        docs.add(entity("university-portal", "Website", "team-c", "production", "Course catalog for the university."));
        docs.add(entity("inventory", "Component", "team-b", "production", "Stock levels per warehouse."));
        docs.add(entity("catalog-importer", "Component", "team-platform", "production", "Imports entities from repositories."));
        docs.add(entity("search-indexer", "Component", "team-platform", "experimental", "Feeds the search index."));
        docs.add(entity("notification-service", "Component", "team-c", "production", "Sends email and push notifications."));
        docs.add(entity("user-profile", "Component", "team-c", "production", "Names, avatars and preferences of users."));
        docs.add(entity("billing-reports", "Component", "team-b", "deprecated", "Monthly invoices as PDF."));
        docs.add(entity("fraud-detection", "Component", "team-b", "production", "Scores payments for fraud risk."));
        docs.add(entity("recommendation-engine", "Component", "team-c", "experimental", "Suggests products people may like."));
        docs.add(entity("kubernetes-operator", "Resource", "team-platform", "production", "Runs databases on clusters."));
        docs.add(entity("metrics-collector", "Component", "team-platform", "production", "Scrapes metrics from services."));
        docs.add(entity("log-shipper", "Component", "team-platform", "production", "Forwards logs to storage."));
        docs.add(entity("feature-flags", "Component", "team-a", "production", "Toggles features at runtime.", "config"));
        docs.add(entity("auth-gateway", "API", "team-platform", "production", "Signs people in."));
        docs.add(entity("html-widget", "Component", "team-c", "experimental", "Renders <b>bold</b> orders & more."));
        docs.add(entity("storefront", "Website", "team-a", "production", "Where customers browse and buy."));
        docs.add(entity("warehouse-robots", "Component", "team-b", "experimental", "Robots pick items for orders."));
        docs.add(entity("Café-Menu", "Component", "team-c", "production", "Lunch menu of the café."));
        return docs;
    }

    static List<SearchDocument> docs() {
        return List.of(
                page("orders", "Getting started", "How to place orders with the orders API. Deploy it with deploy-bot."),
                page("payments", "Architecture", "Payments flow through the gateway into the ledger."),
                page("release-train", "Runbook", "When deploying a release, watch the metrics dashboards first."),
                page("tech-radar", "Technology choices", "Why we picked Java and PostgreSQL."),
                page("team-platform", "Onboarding", "Welcome to the platform team: accounts, access, rotations."),
                page("search-indexer", "Reindexing", "A full reindex of the search index takes a minute."),
                page("universe-explorer", "Star maps", "Maps of galaxies in the known universe."),
                page("university-portal", "Enrolment", "How students enrol at the university."),
                page("orders", "Order states", "An order moves from placed to paid to shipped."),
                page("payments", "Refunds", "Refunds of payments are paid back to the card within five days."));
    }

    static void load(SearchEngine engine) throws Exception {
        engine.replaceAll(CATALOG, catalog());
        engine.replaceAll(DOCS, docs());
    }

    static SearchDocument entity(String name, String kind, String owner, String lifecycle, String description, String... tags) {
        return new SearchDocument(CATALOG, name, description, "/catalog/default/" + kind.toLowerCase() + "/" + name,
                List.of(tags), Map.of("kind", List.of(kind), "owner", List.of(owner), "lifecycle", List.of(lifecycle)),
                Map.of("kind", kind));
    }

    static SearchDocument page(String entity, String title, String text) {
        String section = title.toLowerCase().replace(' ', '-');
        return new SearchDocument(DOCS, title, text, "/docs/default/component/" + entity + "/" + section,
                List.of(), Map.of("kind", List.of("Component"), "owner", List.of("team-docs")), Map.of());
    }
}
