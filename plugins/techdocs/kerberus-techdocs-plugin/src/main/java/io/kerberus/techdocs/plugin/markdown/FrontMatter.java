package io.kerberus.techdocs.plugin.markdown;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The YAML between {@code ---} lines at the top of a page, as MkDocs reads it.
 *
 * @param meta     its keys and values; empty when there is none or it is not a YAML mapping
 * @param body     the page with the front matter's lines blanked, so line numbers stay those of the file
 * @param warnings problems reading it
 */
record FrontMatter(Map<String, Object> meta, String body, List<Warning> warnings) {

    private static final LoadSettings SETTINGS = LoadSettings.builder().setAllowDuplicateKeys(true).setCodePointLimit(1_000_000).build();

    static FrontMatter read(String markdown, String file) {
        if (!markdown.startsWith("---")) {
            return new FrontMatter(Map.of(), markdown, List.of());
        }
        int firstEnd = markdown.indexOf('\n');
        if (firstEnd < 0 || !markdown.substring(0, firstEnd).strip().equals("---")) {
            return new FrontMatter(Map.of(), markdown, List.of());
        }
        int lines = 1;
        int lineStart = firstEnd + 1;
        while (lineStart <= markdown.length()) {
            int lineEnd = markdown.indexOf('\n', lineStart);
            String line = markdown.substring(lineStart, lineEnd < 0 ? markdown.length() : lineEnd).strip();
            lines++;
            if (line.equals("---") || line.equals("...")) {
                String yaml = markdown.substring(firstEnd + 1, lineStart);
                String rest = lineEnd < 0 ? "" : markdown.substring(lineEnd + 1);
                return parse(yaml, "\n".repeat(lines) + rest, file);
            }
            if (lineEnd < 0) {
                break;
            }
            lineStart = lineEnd + 1;
        }
        return new FrontMatter(Map.of(), markdown, List.of());
    }

    private static FrontMatter parse(String yaml, String body, String file) {
        try {
            Object data = new Load(SETTINGS).loadFromString(yaml);
            if (data == null) {
                return new FrontMatter(Map.of(), body, List.of());
            }
            if (!(data instanceof Map<?, ?> map)) {
                return new FrontMatter(Map.of(), body, List.of(new Warning(file, 2, "front matter is not a YAML mapping; ignored")));
            }
            Map<String, Object> meta = new LinkedHashMap<>();
            map.forEach((k, v) -> meta.put(String.valueOf(k), v));
            return new FrontMatter(meta, body, List.of());
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(m -> m.getLine() + 2).orElse(1);
            return new FrontMatter(Map.of(), body, List.of(new Warning(file, line, "front matter is not valid YAML (" + e.getProblem() + "); ignored")));
        } catch (YamlEngineException | ClassCastException e) {
            return new FrontMatter(Map.of(), body, List.of(new Warning(file, 1, "front matter is not valid YAML; ignored")));
        }
    }
}
