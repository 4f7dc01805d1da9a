#!/usr/bin/env python3
"""Generates a synthetic catalog of N entities in which every relation resolves.

    bench/catalog/generate.py N OUT_DIR

Writes OUT_DIR/all.yaml (a Location with a glob target) and OUT_DIR/entities/part-NNNN.yaml files of
at most 1,000 entities each. The mix: 2% groups, 10% users (memberOf), 0.5% domains, 2% systems,
65% components (owner, system, dependsOn, providesApis, consumesApis, tags), 15% APIs with a small
OpenAPI definition, the rest resources. Deterministic for a given N.
"""
import os
import random
import sys


def main():
    n = int(sys.argv[1])
    out = sys.argv[2]
    rnd = random.Random(n)
    os.makedirs(os.path.join(out, "entities"), exist_ok=True)
    counts = {
        "group": max(1, n * 2 // 100), "user": max(1, n * 10 // 100), "domain": max(1, n // 200),
        "system": max(1, n * 2 // 100), "api": max(1, n * 15 // 100),
    }
    counts["resource"] = max(1, n * 55 // 1000)
    counts["component"] = n - sum(counts.values())
    tags = ["java", "go", "python", "typescript", "kotlin", "rust", "grpc", "rest", "kafka", "postgres"]
    types = ["service", "website", "library", "worker"]
    lifecycles = ["production", "experimental", "deprecated"]
    docs = []
    for i in range(counts["group"]):
        docs.append(f"apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: group-{i}\n  description: Team number {i}\n"
                    f"spec:\n  type: team\n  children: []\n")
    for i in range(counts["user"]):
        docs.append(f"apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata:\n  name: user-{i}\n"
                    f"spec:\n  profile:\n    email: user-{i}@example.com\n    displayName: User {i}\n  memberOf: [group-{i % counts['group']}]\n")
    for i in range(counts["domain"]):
        docs.append(f"apiVersion: backstage.io/v1alpha1\nkind: Domain\nmetadata:\n  name: domain-{i}\nspec:\n  owner: group-{i % counts['group']}\n")
    for i in range(counts["system"]):
        docs.append(f"apiVersion: backstage.io/v1alpha1\nkind: System\nmetadata:\n  name: system-{i}\n"
                    f"spec:\n  owner: group-{rnd.randrange(counts['group'])}\n  domain: domain-{i % counts['domain']}\n")
    for i in range(counts["api"]):
        docs.append(f"apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata:\n  name: api-{i}\n  tags: [{rnd.choice(tags)}]\n"
                    f"spec:\n  type: openapi\n  lifecycle: {rnd.choice(lifecycles)}\n  owner: group-{rnd.randrange(counts['group'])}\n"
                    f"  system: system-{rnd.randrange(counts['system'])}\n  definition: |\n    openapi: 3.0.0\n    info: {{title: API {i}, version: 1.0.0}}\n"
                    f"    paths:\n      /items: {{get: {{responses: {{'200': {{description: ok}}}}}}}}\n")
    for i in range(counts["resource"]):
        docs.append(f"apiVersion: backstage.io/v1alpha1\nkind: Resource\nmetadata:\n  name: resource-{i}\n"
                    f"spec:\n  type: database\n  owner: group-{rnd.randrange(counts['group'])}\n  system: system-{rnd.randrange(counts['system'])}\n")
    for i in range(counts["component"]):
        depends = [f"component:component-{rnd.randrange(counts['component'])}" for _ in range(rnd.randrange(3))]
        depends.append(f"resource:resource-{rnd.randrange(counts['resource'])}")
        provides = [f"api-{rnd.randrange(counts['api'])}"]
        consumes = [f"api-{rnd.randrange(counts['api'])}" for _ in range(rnd.randrange(3))]
        docs.append(f"apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: component-{i}\n"
                    f"  description: Component number {i}\n  tags: [{', '.join(sorted(set(rnd.sample(tags, 2))))}]\n"
                    f"spec:\n  type: {rnd.choice(types)}\n  lifecycle: {rnd.choice(lifecycles)}\n  owner: group-{rnd.randrange(counts['group'])}\n"
                    f"  system: system-{rnd.randrange(counts['system'])}\n  dependsOn: [{', '.join(depends)}]\n"
                    f"  providesApis: [{', '.join(provides)}]\n  consumesApis: [{', '.join(consumes)}]\n")
    for part in range(0, len(docs), 1000):
        with open(os.path.join(out, "entities", f"part-{part // 1000:04d}.yaml"), "w") as f:
            f.write("---\n".join(docs[part:part + 1000]))
    with open(os.path.join(out, "all.yaml"), "w") as f:
        f.write("apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: synthetic\nspec:\n  targets: ['./entities/*.yaml']\n")
    print(f"{len(docs)} entities in {(len(docs) + 999) // 1000} files under {out}")


if __name__ == "__main__":
    main()
