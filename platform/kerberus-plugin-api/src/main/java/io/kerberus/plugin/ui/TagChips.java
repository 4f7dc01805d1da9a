package io.kerberus.plugin.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Tags as small chips, each optionally a link (for example to the catalog filtered by that tag).
 *
 * @param tags   the tags
 * @param hrefOf the link of a tag, or null for plain chips
 */
public record TagChips(List<String> tags, Function<String, String> hrefOf) implements Component {

    public TagChips {
        tags = List.copyOf(tags);
    }

    public static TagChips of(List<String> tags) {
        return new TagChips(tags, null);
    }

    public static TagChips linked(List<String> tags, Function<String, String> hrefOf) {
        return new TagChips(tags, hrefOf);
    }

    @Override
    public Html html() {
        List<Html> chips = new ArrayList<>();
        for (String tag : tags) {
            chips.add(hrefOf == null
                    ? Html.format("<li class=\"chip\">{}</li>", tag)
                    : Html.format("<li><a class=\"chip\" href=\"{}\">{}</a></li>", Html.safeUrl(hrefOf.apply(tag)), tag));
        }
        return Html.format("<ul class=\"chips\" aria-label=\"Tags\">{}</ul>", Html.join(chips));
    }
}
