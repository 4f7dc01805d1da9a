package io.kerberus.plugin.ui;

/** Anything that renders to safe HTML: {@link Html} itself and every platform component. */
@FunctionalInterface
public interface Component {

    Html html();
}
