package io.kerberus.techdocs.plugin.publish;

import io.kerberus.catalog.EntityRef;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link LocalPublisher} against the {@link PublisherContract}, in a temporary folder. */
class LocalPublisherTest extends PublisherContract {

    @Override
    Publisher newPublisher() {
        return new LocalPublisher(temp.resolve("published"));
    }

    @Test
    void keepsSitesInLowerCaseFolders() throws Exception {
        publisher.publish(EntityRef.of("Component", "Team-A", "Payments-API"), site(smallSite()));

        assertThat(Files.isRegularFile(temp.resolve("published/team-a/component/payments-api/index.html"))).isTrue();
    }
}
