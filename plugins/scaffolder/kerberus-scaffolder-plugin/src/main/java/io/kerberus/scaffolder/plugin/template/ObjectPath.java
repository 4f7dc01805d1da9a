package io.kerberus.scaffolder.plugin.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * lodash's {@code get(object, path)}, which Backstage's {@code pick} filter is: {@code a.b},
 * {@code a[0].b} and {@code a["b.c"]} paths; a key that is itself the whole path wins; a missing
 * step yields undefined (null).
 */
final class ObjectPath {

    private static final Pattern SEGMENT = Pattern.compile("[^.\\[\\]]+|\\[(?:(-?\\d+)|([\"'])(.*?)\\2)\\]");

    private ObjectPath() {
    }

    static Object get(Object root, String path) {
        if (root instanceof Map<?, ?> map && map.containsKey(path)) {
            return map.get(path);
        }
        Object current = root;
        for (String key : segments(path)) {
            current = step(current, key);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    private static Object step(Object current, String key) {
        if (current instanceof Map<?, ?> map) {
            return map.get(key);
        }
        if (current instanceof List<?> list) {
            if ("length".equals(key)) {
                return list.size();
            }
            try {
                int index = Integer.parseInt(key);
                return index >= 0 && index < list.size() ? list.get(index) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (current instanceof CharSequence text && "length".equals(key)) {
            return text.length();
        }
        return null;
    }

    private static List<String> segments(String path) {
        List<String> keys = new ArrayList<>();
        Matcher matcher = SEGMENT.matcher(path);
        while (matcher.find()) {
            if (matcher.group(1) != null) {
                keys.add(matcher.group(1));
            } else if (matcher.group(3) != null) {
                keys.add(matcher.group(3));
            } else {
                keys.add(matcher.group());
            }
        }
        return keys;
    }
}
