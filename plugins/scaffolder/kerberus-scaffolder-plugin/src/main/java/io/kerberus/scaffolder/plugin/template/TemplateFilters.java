package io.kerberus.scaffolder.plugin.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The filters Backstage adds to Nunjucks ({@code parseRepoUrl}, {@code parseEntityRef},
 * {@code pick}, {@code projectSlug}) and the Nunjucks built-in {@code dump} that Jinjava lacks;
 * {@code jsonify} is cookiecutter's name for {@code dump}.
 */
final class TemplateFilters {

    private TemplateFilters() {
    }

    static List<Filter> all(ScmIntegrationTypes scmTypes) {
        return List.of(
                new NamedFilter("parseRepoUrl", (url, args) -> RepoUrl.parse(text(url, "parseRepoUrl"), scmTypes).toMap()),
                new NamedFilter("projectSlug", (url, args) -> RepoUrl.parse(text(url, "projectSlug"), scmTypes).projectSlug()),
                new NamedFilter("parseEntityRef", TemplateFilters::parseEntityRef),
                new NamedFilter("pick", (object, args) -> ObjectPath.get(object, String.valueOf(arg(args, 0)))),
                new NamedFilter("dump", TemplateFilters::dump),
                new NamedFilter("jsonify", TemplateFilters::dump));
    }

    private static Object parseEntityRef(Object ref, Object[] args) {
        Object first = arg(args, 0);
        if (first instanceof Map<?, ?> context) {
            return EntityRefParts.parse(ref, stringOrNull(context.get("defaultKind")),
                    stringOrNull(context.get("defaultNamespace")));
        }
        // the positional form (ref, defaultKind, defaultNamespace) Backstage accepted before the context object
        return EntityRefParts.parse(ref, stringOrNull(first), stringOrNull(arg(args, 1)));
    }

    private static Object dump(Object value, Object[] args) {
        Object indent = arg(args, 0);
        int spaces = indent instanceof Number n ? Math.max(0, Math.min(10, n.intValue())) : 0;
        return JsonDump.dump(value, spaces);
    }

    private static String text(Object value, String filter) {
        if (value == null) {
            throw new TemplateException(filter + " needs a repo URL such as github.com?owner=o&repo=r, got nothing");
        }
        return value.toString();
    }

    private static Object arg(Object[] args, int index) {
        return args != null && args.length > index ? args[index] : null;
    }

    private static String stringOrNull(Object value) {
        return value == null ? null : value.toString();
    }

    private record NamedFilter(String name, BiFunction<Object, Object[], Object> function) implements Filter {

        @Override
        public String getName() {
            return name;
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
            return function.apply(var, args);
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
            return function.apply(var, args);
        }
    }
}
