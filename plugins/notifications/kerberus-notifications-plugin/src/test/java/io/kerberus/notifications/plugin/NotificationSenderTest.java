package io.kerberus.notifications.plugin;

import io.kerberus.notifications.NotificationPayload;
import io.kerberus.plugin.InputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotificationSenderTest {

    @Test
    void keepsHttpLinksAndMakesPortalPathsAbsolute() {
        assertThat(NotificationSender.link("https://ci.example.com/b/1")).isEqualTo("https://ci.example.com/b/1");
        assertThat(NotificationSender.link("/catalog/default/component/x")).isEqualTo("/catalog/default/component/x");
        assertThat(NotificationSender.link("catalog")).isEqualTo("/catalog");
    }

    @Test
    void rejectsOtherSchemesAndProtocolRelativeLinks() {
        assertThatThrownBy(() -> NotificationSender.link("javascript:alert(1)")).isInstanceOf(InputException.class).hasMessageStartingWith("payload.link:");
        assertThatThrownBy(() -> NotificationSender.link("//evil.example.com")).isInstanceOf(InputException.class);
        assertThatThrownBy(() -> NotificationSender.link("data:text/html,x")).isInstanceOf(InputException.class);
    }

    @Test
    void requiresATitle() {
        assertThatThrownBy(() -> NotificationSender.check(NotificationPayload.of("  "))).hasMessageStartingWith("payload.title:");
        assertThat(NotificationSender.check(NotificationPayload.of(" Hi ")).title()).isEqualTo("Hi");
    }
}
