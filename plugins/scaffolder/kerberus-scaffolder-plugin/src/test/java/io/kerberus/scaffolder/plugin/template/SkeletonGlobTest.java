package io.kerberus.scaffolder.plugin.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SkeletonGlobTest {

    @ParameterizedTest(name = "{0} ~ {1} -> {2}")
    @CsvSource({
        ".github/workflows/*, .github/workflows/ci.yaml, true",
        ".github/workflows/*, .github/workflows/sub/ci.yaml, false",
        ".github/workflows/*, .github/workflows, false",
        "*.png, logo.png, true",
        "*.png, img/logo.png, false",
        "**/*.png, logo.png, true",
        "**/*.png, a/b/logo.png, true",
        "static/**, static/a/b.css, true",
        "*, .gitignore, true",
        "'{a,b}/*.txt', b/x.txt, true",
        "'{a,b}/*.txt', c/x.txt, false",
        "file?.txt, file1.txt, true",
        "[ab].txt, b.txt, true",
        "./docs/*, docs/x.md, true",
    })
    void matchesLikeGlobby(String pattern, String path, boolean matches) {
        assertThat(new SkeletonGlob(List.of(pattern)).matches(path)).isEqualTo(matches);
    }

    @ParameterizedTest(name = "negated: {0}")
    @CsvSource({"static/keep.css, false", "static/x.css, true"})
    void negatedPatternsExclude(String path, boolean matches) {
        assertThat(new SkeletonGlob(List.of("static/**", "!static/keep.css")).matches(path)).isEqualTo(matches);
    }
}
