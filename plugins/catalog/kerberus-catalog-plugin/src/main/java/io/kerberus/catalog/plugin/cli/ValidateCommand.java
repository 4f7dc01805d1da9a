package io.kerberus.catalog.plugin.cli;

import io.kerberus.catalog.Entity;
import io.kerberus.catalog.LocationSpec;
import io.kerberus.catalog.plugin.ingest.DescriptorParser;
import io.kerberus.catalog.plugin.ingest.HttpUrlReader;
import io.kerberus.catalog.plugin.ingest.Placeholders;
import io.kerberus.catalog.plugin.ingest.Readers;
import io.kerberus.catalog.plugin.model.EntitySchemas;
import io.kerberus.catalog.plugin.model.EntityValidator;
import io.kerberus.catalog.plugin.model.FieldRules;
import io.kerberus.catalog.plugin.model.RelationRules;
import io.kerberus.plugin.CliCommand;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code kerberus catalog validate PATH...}: checks descriptor files offline with the catalog's own
 * rules (Backstage's schemas, field formats, entity refs, placeholders relative to the file) and prints
 * {@code file:line: field: message} for each problem. Folders are searched for .yaml, .yml and .json files.
 */
public final class ValidateCommand implements CliCommand {

    @Override
    public String name() {
        return "catalog validate";
    }

    @Override
    public String description() {
        return "Validate catalog descriptor files (catalog-info.yaml) offline; exit 1 on any error";
    }

    @Override
    public int run(List<String> args, PrintWriter out, PrintWriter err) throws IOException {
        List<String> paths = args.stream().filter(a -> !a.startsWith("--")).toList();
        if (paths.isEmpty() || args.contains("--help")) {
            out.println("Usage: kerberus catalog validate PATH...");
            out.println("Checks each descriptor file (or every .yaml, .yml and .json under each folder);"
                    + " documents without apiVersion and kind (an OpenAPI file next to the descriptors) are skipped. Placeholders that"
                    + " name URLs are not read offline.");
            return paths.isEmpty() && !args.contains("--help") ? 2 : 0;
        }
        List<Path> files = new ArrayList<>();
        for (String path : paths) {
            Path given = Path.of(path);
            if (Files.isDirectory(given)) {
                try (Stream<Path> walk = Files.walk(given)) {
                    walk.filter(Files::isRegularFile).filter(f -> f.toString().matches(".*\\.(ya?ml|json)$")).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(given)) {
                files.add(given);
            } else {
                err.println(path + ": no such file or folder");
                return 1;
            }
        }
        EntityValidator validator = new EntityValidator(new EntitySchemas(List.of()));
        int problems = 0;
        int entities = 0;
        for (Path file : files) {
            Readers readers = new Readers(List.of(new HttpUrlReader(List.of())), List.of(file.toAbsolutePath().getParent()));
            Placeholders placeholders = Placeholders.offline(readers);
            List<DescriptorParser.Document> documents;
            try {
                documents = DescriptorParser.parse(Files.readAllBytes(file), file.toString().endsWith(".json"));
            } catch (DescriptorParser.ParseException e) {
                err.println(file + ":" + Math.max(1, e.line()) + ": " + e.getMessage());
                problems++;
                continue;
            }
            for (DescriptorParser.Document document : documents) {
                if (document.data() == null || !document.data().containsKey("apiVersion") && !document.data().containsKey("kind")) {
                    continue;
                }
                entities++;
                for (FieldRules.Violation violation : check(document, file, validator, placeholders)) {
                    err.println(file + ":" + document.lineOf(violation.field()) + ": " + violation.field() + ": " + violation.message());
                    problems++;
                }
            }
        }
        out.println(problems == 0 ? "OK: " + entities + " entities in " + files.size() + " files"
                : problems + " problems in " + entities + " entities in " + files.size() + " files");
        return problems == 0 ? 0 : 1;
    }

    private static List<FieldRules.Violation> check(DescriptorParser.Document document, Path file, EntityValidator validator, Placeholders placeholders) {
        Map<String, Object> data;
        try {
            data = placeholders.resolve(document.data(), LocationSpec.of("file", file.toAbsolutePath().toString()));
        } catch (Placeholders.PlaceholderException e) {
            String message = e.getMessage();
            String field = message.startsWith("\"") ? message.substring(1, message.indexOf('"', 1)) : "";
            return List.of(new FieldRules.Violation(field, message));
        }
        List<FieldRules.Violation> violations = new ArrayList<>(validator.validate(data));
        if (violations.isEmpty()) {
            RelationRules.derive(Entity.of(data), violations);
        }
        return violations;
    }
}
