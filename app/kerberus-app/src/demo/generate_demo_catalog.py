#!/usr/bin/env python3
"""Writes the demo catalog that `./kerberus start` shows: Acme Corp, an online shop.

    python3 app/kerberus-app/src/demo/generate_demo_catalog.py

Output: app/kerberus-app/src/main/resources/demo/catalog/*.yaml and index.txt (the files, for
extraction from the jar). Deterministic; edit the tables below and run it again.
"""
import json
import os
import random

OUT = os.path.join(os.path.dirname(__file__), "..", "main", "resources", "demo", "catalog")
rnd = random.Random(7)

DOMAINS = {
    "commerce": ("Commerce", "Everything a customer touches while shopping", "commerce-leads"),
    "fulfilment": ("Fulfilment", "Getting orders from the warehouse to the door", "logistics-team"),
    "platform": ("Developer Platform", "The paved road: build, deploy, observe", "platform-team"),
    "identity": ("Identity", "Accounts, sign-in and permissions", "identity-team"),
    "data": ("Data", "Analytics, recommendations and reporting", "data-team"),
}
SYSTEMS = {
    "storefront": ("commerce", "web-team", "The web and mobile shop front"),
    "checkout": ("commerce", "checkout-team", "Basket, checkout and order placement"),
    "product-catalog": ("commerce", "search-team", "Products, prices and search"),
    "payments": ("commerce", "payments-team", "Card, wallet and invoice payments"),
    "shipping": ("fulfilment", "logistics-team", "Warehouses, carriers and tracking"),
    "developer-portal": ("platform", "platform-team", "This portal and the build pipeline"),
    "observability": ("platform", "sre-team", "Metrics, logs, traces and alerting"),
    "accounts": ("identity", "identity-team", "Customer and staff accounts"),
    "analytics": ("data", "data-team", "Event pipeline, warehouse and dashboards"),
}
TEAMS = {
    "web-team": "Web", "mobile-team": "Mobile", "checkout-team": "Checkout", "payments-team": "Payments",
    "search-team": "Search & Discovery", "logistics-team": "Logistics", "platform-team": "Platform",
    "sre-team": "Site Reliability", "identity-team": "Identity", "data-team": "Data",
}
FIRST = ["Ada", "Ben", "Chloe", "Dev", "Elif", "Farid", "Greta", "Hiro", "Ines", "Jonas", "Kemi", "Lars", "Maya", "Nils",
         "Olga", "Priya", "Quinn", "Rosa", "Sami", "Tara", "Umar", "Vera", "Wen", "Ximena", "Yusuf", "Zoe", "Arjun", "Bea",
         "Carlos", "Dana", "Emeka", "Fiona", "Goran", "Hana", "Ivan", "Jade", "Kofi", "Lena", "Marco", "Noor"]
LAST = ["Lovelace", "Okafor", "Moreau", "Patel", "Yilmaz", "Haddad", "Lindqvist", "Tanaka", "Ribeiro", "Becker", "Adeyemi",
        "Nilsen", "Cohen", "Svensson", "Petrova", "Sharma", "Walsh", "Navarro", "Khalil", "Singh", "Farouk", "Novak", "Li",
        "Garcia", "Demir", "Fischer", "Mehta", "Costa", "Silva", "Kim", "Eze", "Murphy", "Horvat", "Sato", "Popov", "Wu",
        "Mensah", "Vogel", "Rossi", "Aziz"]

# name: (system, type, team, description, tags, provides, consumes, depends)
COMPONENTS = [
    ("shop-web", "storefront", "website", "web-team", "The public web shop (Next.js)", ["typescript", "react"], [], ["product-api", "cart-api", "accounts-api", "search-graphql"], ["component:bff-web"]),
    ("shop-ios", "storefront", "mobile-app", "mobile-team", "iOS app", ["swift"], [], ["product-api", "cart-api", "accounts-api"], []),
    ("shop-android", "storefront", "mobile-app", "mobile-team", "Android app", ["kotlin"], [], ["product-api", "cart-api", "accounts-api"], []),
    ("bff-web", "storefront", "service", "web-team", "Backend for the web front end", ["typescript", "node"], ["bff-graphql"], ["product-api", "cart-api", "recommendations-api"], ["resource:session-cache"]),
    ("design-system", "storefront", "library", "web-team", "Shared UI components of every Acme front end", ["typescript", "react"], [], [], []),
    ("cms-service", "storefront", "service", "web-team", "Editorial content and landing pages", ["java"], ["content-api"], [], ["resource:content-db"]),
    ("cart-service", "checkout", "service", "checkout-team", "Shopping baskets", ["java", "spring"], ["cart-api"], ["product-api", "pricing-api"], ["resource:cart-db", "resource:session-cache"]),
    ("checkout-service", "checkout", "service", "checkout-team", "Turns a basket into an order", ["java", "spring"], ["checkout-api"], ["cart-api", "payments-api", "shipping-quotes-api", "accounts-api"], ["resource:orders-db"]),
    ("order-service", "checkout", "service", "checkout-team", "Order lifecycle and history", ["java", "spring"], ["orders-api", "order-events"], ["payments-api"], ["resource:orders-db", "resource:events-kafka"]),
    ("promotions-service", "checkout", "service", "checkout-team", "Vouchers and campaign discounts", ["kotlin"], ["promotions-api"], ["product-api"], ["resource:promotions-db"]),
    ("invoice-worker", "checkout", "worker", "checkout-team", "Renders and mails invoices", ["python"], [], ["orders-api"], ["resource:documents-bucket"]),
    ("product-service", "product-catalog", "service", "search-team", "The product master", ["java"], ["product-api", "product-events"], [], ["resource:product-db", "resource:events-kafka"]),
    ("pricing-service", "product-catalog", "service", "search-team", "Prices per market and currency", ["go"], ["pricing-api"], ["product-api"], ["resource:pricing-db"]),
    ("search-service", "product-catalog", "service", "search-team", "Full-text product search", ["java", "elasticsearch"], ["search-graphql"], ["product-events"], ["resource:search-cluster"]),
    ("search-indexer", "product-catalog", "worker", "search-team", "Keeps the search index current", ["java"], [], ["product-events"], ["resource:search-cluster"]),
    ("image-service", "product-catalog", "service", "search-team", "Resizes and serves product images", ["rust"], ["images-api"], [], ["resource:images-bucket"]),
    ("reviews-service", "product-catalog", "service", "search-team", "Customer reviews and ratings", ["kotlin"], ["reviews-api"], ["accounts-api"], ["resource:reviews-db"]),
    ("inventory-service", "product-catalog", "service", "logistics-team", "Stock levels per warehouse", ["go"], ["inventory-api", "stock-events"], [], ["resource:inventory-db", "resource:events-kafka"]),
    ("payment-gateway", "payments", "service", "payments-team", "Talks to card processors", ["java", "pci"], ["payments-api", "payment-events"], ["fraud-api"], ["resource:payments-db", "resource:events-kafka"]),
    ("fraud-service", "payments", "service", "payments-team", "Scores orders for fraud risk", ["python", "ml"], ["fraud-api"], ["accounts-api"], ["resource:fraud-model-bucket"]),
    ("refund-worker", "payments", "worker", "payments-team", "Processes refunds in batches", ["java"], [], ["payments-api", "orders-api"], []),
    ("wallet-service", "payments", "service", "payments-team", "Gift cards and store credit", ["kotlin"], ["wallet-api"], [], ["resource:payments-db"]),
    ("payments-sdk", "payments", "library", "payments-team", "Client library for the payments API", ["java"], [], ["payments-api"], []),
    ("shipping-service", "shipping", "service", "logistics-team", "Carrier bookings and labels", ["go"], ["shipping-quotes-api", "shipment-events"], ["orders-api"], ["resource:shipping-db"]),
    ("tracking-service", "shipping", "service", "logistics-team", "Parcel tracking for customers", ["go"], ["tracking-api"], ["shipment-events"], ["resource:shipping-db"]),
    ("warehouse-gateway", "shipping", "service", "logistics-team", "Integration with the warehouse system", ["java"], [], ["orders-api", "inventory-api"], ["resource:events-kafka"]),
    ("returns-service", "shipping", "service", "logistics-team", "Customer returns", ["kotlin"], ["returns-api"], ["orders-api", "payments-api"], ["resource:shipping-db"]),
    ("carrier-adapters", "shipping", "library", "logistics-team", "Adapters for DHL, UPS and PostNL", ["go"], [], [], []),
    ("kerberus", "developer-portal", "website", "platform-team", "This developer portal", ["java", "kerberus"], [], [], ["resource:portal-db"]),
    ("build-pipelines", "developer-portal", "service", "platform-team", "Shared CI pipeline templates", ["yaml", "ci"], [], [], []),
    ("service-template", "developer-portal", "library", "platform-team", "The golden-path service skeleton", ["java", "template"], [], [], []),
    ("deploy-controller", "developer-portal", "service", "platform-team", "Progressive delivery to Kubernetes", ["go", "kubernetes"], ["deployments-api"], [], ["resource:k8s-prod"]),
    ("secrets-broker", "developer-portal", "service", "platform-team", "Hands out short-lived credentials", ["go", "security"], ["secrets-api"], [], []),
    ("metrics-stack", "observability", "service", "sre-team", "Prometheus and long-term storage", ["prometheus"], [], [], ["resource:metrics-storage"]),
    ("log-pipeline", "observability", "service", "sre-team", "Ships logs from every pod", ["vector"], [], [], ["resource:logs-bucket"]),
    ("tracing-collector", "observability", "service", "sre-team", "OpenTelemetry collector", ["opentelemetry"], [], [], []),
    ("alert-router", "observability", "service", "sre-team", "Routes alerts to the owning team", ["go"], ["alerts-api"], [], []),
    ("status-page", "observability", "website", "sre-team", "status.acme.example", ["typescript"], [], ["alerts-api"], []),
    ("accounts-service", "accounts", "service", "identity-team", "Customer accounts and profiles", ["java", "gdpr"], ["accounts-api", "account-events"], [], ["resource:accounts-db", "resource:events-kafka"]),
    ("auth-service", "accounts", "service", "identity-team", "Sign-in, tokens and sessions", ["java", "oauth"], ["auth-api"], ["accounts-api"], ["resource:accounts-db", "resource:session-cache"]),
    ("staff-directory", "accounts", "service", "identity-team", "Syncs staff from the HR system", ["python"], [], [], []),
    ("consent-service", "accounts", "service", "identity-team", "Marketing and privacy consent", ["kotlin", "gdpr"], ["consent-api"], ["accounts-api"], ["resource:accounts-db"]),
    ("event-collector", "analytics", "service", "data-team", "Collects click-stream events", ["go"], ["tracking-events"], [], ["resource:events-kafka"]),
    ("warehouse-loader", "analytics", "worker", "data-team", "Loads events into the data warehouse", ["python", "dbt"], [], ["order-events", "tracking-events"], ["resource:data-warehouse"]),
    ("recommendations", "analytics", "service", "data-team", "Product recommendations", ["python", "ml"], ["recommendations-api"], ["product-events"], ["resource:feature-store"]),
    ("bi-dashboards", "analytics", "website", "data-team", "Business dashboards", ["sql"], [], [], ["resource:data-warehouse"]),
    ("experiment-service", "analytics", "service", "data-team", "A/B test assignment and results", ["kotlin"], ["experiments-api"], [], ["resource:feature-store"]),
]
# extra small libraries and tools to reach about sixty
for i, (lib, team, system, desc, tag) in enumerate([
    ("acme-logging", "platform-team", "observability", "Structured logging for every JVM service", "java"),
    ("acme-http-client", "platform-team", "developer-portal", "Resilient HTTP client with retries", "java"),
    ("acme-go-kit", "platform-team", "developer-portal", "Shared Go service kit", "go"),
    ("feature-flags", "platform-team", "developer-portal", "Feature flag client and service", "kotlin"),
    ("money", "payments-team", "payments", "Currency-safe money arithmetic", "java"),
    ("address-validator", "logistics-team", "shipping", "Validates postal addresses", "python"),
    ("i18n-bundles", "web-team", "storefront", "Translations for every market", "json"),
    ("pdf-renderer", "checkout-team", "checkout", "HTML to PDF rendering", "java"),
    ("geo-service", "logistics-team", "shipping", "Geocoding and delivery areas", "go"),
    ("email-sender", "platform-team", "developer-portal", "Transactional email", "java"),
    ("sms-sender", "platform-team", "developer-portal", "Transactional SMS", "java"),
    ("search-ui-kit", "search-team", "product-catalog", "Search result components", "typescript"),
    ("legacy-erp-bridge", "logistics-team", "shipping", "Bridge to the old ERP (being retired)", "cobol"),
]):
    kind = "library" if "kit" in lib or lib in ("money", "acme-logging", "acme-http-client", "i18n-bundles") else "service"
    COMPONENTS.append((lib, system, kind, team, desc, [tag], [], [], []))

REST_APIS = {
    "product-api": ("search-team", "product-catalog", "Products", [("/products", "List products", "Product", True), ("/products/{id}", "Get a product", "Product", False)]),
    "pricing-api": ("search-team", "product-catalog", "Prices", [("/prices/{sku}", "Price of a SKU in a market", "Price", False)]),
    "cart-api": ("checkout-team", "checkout", "Carts", [("/carts/{id}", "Get a cart", "Cart", False), ("/carts/{id}/items", "Items of a cart", "CartItem", True)]),
    "checkout-api": ("checkout-team", "checkout", "Checkout", [("/checkouts/{id}", "Get a checkout session", "Checkout", False)]),
    "orders-api": ("checkout-team", "checkout", "Orders", [("/orders", "List orders", "Order", True), ("/orders/{id}", "Get an order", "Order", False)]),
    "promotions-api": ("checkout-team", "checkout", "Promotions", [("/vouchers/{code}", "Check a voucher", "Voucher", False)]),
    "payments-api": ("payments-team", "payments", "Payments", [("/payments/{id}", "Get a payment", "Payment", False), ("/payments", "List payments", "Payment", True)]),
    "fraud-api": ("payments-team", "payments", "Fraud scores", [("/scores/{orderId}", "Fraud score of an order", "Score", False)]),
    "wallet-api": ("payments-team", "payments", "Wallets", [("/wallets/{customerId}", "Balance of a wallet", "Wallet", False)]),
    "shipping-quotes-api": ("logistics-team", "shipping", "Shipping quotes", [("/quotes", "Delivery options for a basket", "Quote", True)]),
    "tracking-api": ("logistics-team", "shipping", "Tracking", [("/parcels/{id}", "Where a parcel is", "Parcel", False)]),
    "returns-api": ("logistics-team", "shipping", "Returns", [("/returns/{id}", "Get a return", "Return", False)]),
    "inventory-api": ("logistics-team", "product-catalog", "Inventory", [("/stock/{sku}", "Stock of a SKU", "Stock", False)]),
    "accounts-api": ("identity-team", "accounts", "Accounts", [("/accounts/{id}", "Get an account", "Account", False)]),
    "auth-api": ("identity-team", "accounts", "Authentication", [("/sessions/{id}", "Get a session", "Session", False)]),
    "consent-api": ("identity-team", "accounts", "Consent", [("/consents/{accountId}", "Consents of an account", "Consent", True)]),
    "images-api": ("search-team", "product-catalog", "Images", [("/images/{id}", "Image metadata", "Image", False)]),
    "reviews-api": ("search-team", "product-catalog", "Reviews", [("/products/{id}/reviews", "Reviews of a product", "Review", True)]),
    "recommendations-api": ("data-team", "analytics", "Recommendations", [("/recommendations/{customerId}", "Products for a customer", "Recommendation", True)]),
    "experiments-api": ("data-team", "analytics", "Experiments", [("/assignments/{subject}", "Variant assignment", "Assignment", False)]),
    "content-api": ("web-team", "storefront", "Content", [("/pages/{slug}", "A landing page", "Page", False)]),
    "deployments-api": ("platform-team", "developer-portal", "Deployments", [("/deployments", "Recent deployments", "Deployment", True)]),
    "secrets-api": ("platform-team", "developer-portal", "Secrets", [("/leases/{id}", "A credential lease", "Lease", False)]),
    "alerts-api": ("sre-team", "observability", "Alerts", [("/alerts", "Firing alerts", "Alert", True)]),
}
EVENT_APIS = {
    "order-events": ("checkout-team", "checkout", "orders.v1", "OrderPlaced"),
    "product-events": ("search-team", "product-catalog", "products.v1", "ProductChanged"),
    "payment-events": ("payments-team", "payments", "payments.v1", "PaymentCaptured"),
    "shipment-events": ("logistics-team", "shipping", "shipments.v1", "ShipmentDispatched"),
    "stock-events": ("logistics-team", "product-catalog", "stock.v1", "StockChanged"),
    "account-events": ("identity-team", "accounts", "accounts.v1", "AccountCreated"),
    "tracking-events": ("data-team", "analytics", "clickstream.v1", "PageViewed"),
}
GRAPHQL_APIS = {
    "search-graphql": ("search-team", "product-catalog", "Product search for every front end"),
    "bff-graphql": ("web-team", "storefront", "The web shop's backend for front end"),
}
RESOURCES = {
    "cart-db": ("checkout-team", "checkout", "database", "PostgreSQL 15"), "orders-db": ("checkout-team", "checkout", "database", "PostgreSQL 15"),
    "promotions-db": ("checkout-team", "checkout", "database", "PostgreSQL 15"), "product-db": ("search-team", "product-catalog", "database", "PostgreSQL 15"),
    "pricing-db": ("search-team", "product-catalog", "database", "PostgreSQL 15"), "reviews-db": ("search-team", "product-catalog", "database", "PostgreSQL 15"),
    "inventory-db": ("logistics-team", "product-catalog", "database", "PostgreSQL 15"), "payments-db": ("payments-team", "payments", "database", "PostgreSQL 15, PCI zone"),
    "shipping-db": ("logistics-team", "shipping", "database", "PostgreSQL 15"), "accounts-db": ("identity-team", "accounts", "database", "PostgreSQL 15"),
    "content-db": ("web-team", "storefront", "database", "MongoDB"), "portal-db": ("platform-team", "developer-portal", "database", "PostgreSQL 15"),
    "session-cache": ("platform-team", "developer-portal", "cache", "Redis cluster"), "events-kafka": ("platform-team", "developer-portal", "message-broker", "Kafka cluster"),
    "search-cluster": ("search-team", "product-catalog", "search-cluster", "Elasticsearch 8"), "images-bucket": ("search-team", "product-catalog", "s3-bucket", "S3 bucket"),
    "documents-bucket": ("checkout-team", "checkout", "s3-bucket", "S3 bucket"), "fraud-model-bucket": ("payments-team", "payments", "s3-bucket", "S3 bucket"),
    "logs-bucket": ("sre-team", "observability", "s3-bucket", "S3 bucket"), "metrics-storage": ("sre-team", "observability", "database", "Thanos object storage"),
    "data-warehouse": ("data-team", "analytics", "database", "Snowflake"), "feature-store": ("data-team", "analytics", "database", "Feature store"),
    "k8s-prod": ("platform-team", "developer-portal", "kubernetes-cluster", "Production Kubernetes, eu-west-1"),
}


def indent(text, n):
    return "\n".join((" " * n + line) if line else line for line in text.rstrip("\n").splitlines())


def openapi(name, title, paths):
    schemas = {}
    lines = ["openapi: 3.0.3", "info:", f"  title: {title} API", "  version: 1.4.0", f"  description: The {title.lower()} API of Acme Corp.",
             "servers:", f"  - url: https://api.acme.example/{name.replace('-api', '')}", "paths:"]
    for path, summary, schema, is_list in paths:
        schemas[schema] = True
        lines += [f"  {path}:", "    get:", f"      summary: {summary}", f"      operationId: {summary.split()[0].lower()}{schema}"]
        params = [p.strip("{}") for p in path.split("/") if p.startswith("{")]
        if params:
            lines.append("      parameters:")
            for param in params:
                lines += [f"        - name: {param}", "          in: path", "          required: true", "          schema: {type: string}"]
        lines += ["      responses:", "        '200':", "          description: OK", "          content:", "            application/json:", "              schema:"]
        if is_list:
            lines += ["                type: array", f"                items: {{$ref: '#/components/schemas/{schema}'}}"]
        else:
            lines.append(f"                $ref: '#/components/schemas/{schema}'")
        lines += ["        '404':", "          description: Not found"]
    lines += ["components:", "  schemas:"]
    for schema in schemas:
        lines += [f"    {schema}:", "      type: object", "      required: [id]", "      properties:", "        id: {type: string}",
                  "        createdAt: {type: string, format: date-time}", f"        status: {{type: string, enum: [active, archived]}}"]
    return "\n".join(lines) + "\n"


def asyncapi(title, topic, message):
    return f"""asyncapi: 3.0.0
info:
  title: {title}
  version: 1.0.0
  description: Events on Kafka topic {topic}.
servers:
  production:
    host: kafka.acme.example:9092
    protocol: kafka
channels:
  {message[0].lower() + message[1:]}:
    address: {topic}
    messages:
      {message}:
        $ref: '#/components/messages/{message}'
operations:
  on{message}:
    action: send
    channel:
      $ref: '#/channels/{message[0].lower() + message[1:]}'
components:
  messages:
    {message}:
      payload:
        type: object
        required: [id, occurredAt]
        properties:
          id: {{type: string}}
          occurredAt: {{type: string, format: date-time}}
"""


def graphql(description):
    return f"""# {description}
type Query {{
  product(id: ID!): Product
  search(text: String!, first: Int = 20, after: String): ProductConnection!
}}

type Product {{
  id: ID!
  name: String!
  price: Money!
  images: [Image!]!
}}

type Money {{ amount: Float!  currency: String! }}
type Image {{ url: String!  alt: String }}
type ProductConnection {{ edges: [Product!]!  cursor: String }}
"""


def entity(kind, name, metadata_extra, spec_lines, description=None, tags=None, title=None, links=None, annotations=None):
    out = ["apiVersion: backstage.io/v1alpha1", f"kind: {kind}", "metadata:", f"  name: {name}"]
    if title:
        out.append(f"  title: {json.dumps(title)}")
    if description:
        out.append(f"  description: {json.dumps(description)}")
    if tags:
        out.append(f"  tags: [{', '.join(tags)}]")
    if annotations:
        out.append("  annotations:")
        out += [f"    {k}: {v}" for k, v in annotations.items()]
    if links:
        out.append("  links:")
        for url, link_title, icon in links:
            out += [f"    - url: {url}", f"      title: {link_title}", f"      icon: {icon}"]
    out += metadata_extra
    out.append("spec:")
    out += [("  " + line) if line else line for element in spec_lines for line in element.split("\n")]
    return "\n".join(out) + "\n"


def main():
    os.makedirs(OUT, exist_ok=True)
    files = {}
    org = [entity("Group", "acme", [], ["type: organization", "profile:", "  displayName: Acme Corp", "  email: hello@acme.example",
                                        "children: [engineering]"], description="Acme Corp")]
    org.append(entity("Group", "engineering", [], ["type: department", "parent: acme", "profile:", "  displayName: Engineering",
                                                   f"children: [{', '.join(list(TEAMS) + ['commerce-leads'])}]"], description="All engineering teams"))
    org.append(entity("Group", "commerce-leads", [], ["type: team", "parent: engineering", "profile:", "  displayName: Commerce leads", "children: []"],
                      description="Tech leads of the commerce domain"))
    people = []
    team_names = list(TEAMS)
    for i in range(40):
        first, last = FIRST[i], LAST[i]
        user = f"{first.lower()}.{last.lower()}"
        team = team_names[i % len(team_names)]
        groups = [team] + (["commerce-leads"] if i in (0, 2, 3, 4) else [])
        people.append(user)
        org.append(entity("User", user, [], ["profile:", f"  displayName: {first} {last}", f"  email: {user}@acme.example",
                                             f"memberOf: [{', '.join(groups)}]"]))
    for team, display in TEAMS.items():
        org.append(entity("Group", team, [], ["type: team", "parent: engineering", "profile:", f"  displayName: {display}",
                                              f"  email: {team}@acme.example", "children: []"], description=f"The {display} team"))
    files["org.yaml"] = org
    files["domains.yaml"] = [entity("Domain", d, [], [f"owner: {o}"], description=desc, title=t) for d, (t, desc, o) in DOMAINS.items()]
    files["systems.yaml"] = [entity("System", s, [], [f"owner: {o}", f"domain: {d}"], description=desc) for s, (d, o, desc) in SYSTEMS.items()]
    files["resources.yaml"] = [entity("Resource", r, [], [f"type: {t}", f"owner: {o}", f"system: {s}"], description=desc)
                               for r, (o, s, t, desc) in RESOURCES.items()]
    apis = []
    for name, (owner, system, title, paths) in REST_APIS.items():
        apis.append(entity("API", name, [], ["type: openapi", f"lifecycle: {rnd.choice(['production', 'production', 'experimental'])}",
                                             f"owner: {owner}", f"system: {system}", "definition: |", indent(openapi(name, title, paths), 2)],
                           description=f"REST API for {title.lower()}", tags=["rest"]))
    for name, (owner, system, topic, message) in EVENT_APIS.items():
        apis.append(entity("API", name, [], ["type: asyncapi", "lifecycle: production", f"owner: {owner}", f"system: {system}",
                                             "definition: |", indent(asyncapi(f"{message} events", topic, message), 2)],
                           description=f"Events on {topic}", tags=["kafka", "events"]))
    for name, (owner, system, desc) in GRAPHQL_APIS.items():
        apis.append(entity("API", name, [], ["type: graphql", "lifecycle: production", f"owner: {owner}", f"system: {system}",
                                             "definition: |", indent(graphql(desc), 2)], description=desc, tags=["graphql"]))
    files["apis.yaml"] = apis
    components = []
    for name, system, kind, team, desc, tags, provides, consumes, depends in COMPONENTS:
        lifecycle = "deprecated" if "legacy" in name else ("experimental" if rnd.random() < 0.2 else "production")
        spec = [f"type: {kind}", f"lifecycle: {lifecycle}", f"owner: {team}", f"system: {system}"]
        if provides:
            spec.append(f"providesApis: [{', '.join(provides)}]")
        if consumes:
            spec.append(f"consumesApis: [{', '.join(consumes)}]")
        if depends:
            spec.append(f"dependsOn: [{', '.join(depends)}]")
        annotations = {"github.com/project-slug": f"acme/{name}", "backstage.io/techdocs-ref": "dir:."}
        links = [(f"https://github.com/acme/{name}", "Repository", "github"), (f"https://grafana.acme.example/d/{name}", "Dashboard", "dashboard")]
        components.append(entity("Component", name, [], spec, description=desc, tags=tags, annotations=annotations, links=links))
    files["components.yaml"] = components
    names = []
    for file, docs in files.items():
        with open(os.path.join(OUT, file), "w") as f:
            f.write("---\n".join(docs))
        names.append(file)
    with open(os.path.join(OUT, "all.yaml"), "w") as f:
        f.write("apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: acme-demo\n  description: The Acme Corp demo catalog\n"
                f"spec:\n  targets: [{', '.join('./' + n for n in names)}]\n")
    with open(os.path.join(OUT, "index.txt"), "w") as f:
        f.write("\n".join(["all.yaml"] + names) + "\n")
    counts = {k: len(v) for k, v in files.items()}
    print(counts, "components:", len(COMPONENTS), "people:", len(people))


if __name__ == "__main__":
    main()
