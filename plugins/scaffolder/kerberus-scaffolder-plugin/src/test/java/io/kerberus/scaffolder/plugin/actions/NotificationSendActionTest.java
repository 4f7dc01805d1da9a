package io.kerberus.scaffolder.plugin.actions;

import io.kerberus.notifications.Notification;
import io.kerberus.notifications.NotificationPayload;
import io.kerberus.notifications.NotificationRecipients;
import io.kerberus.notifications.NotificationService;
import io.kerberus.notifications.NotificationSeverity;
import io.kerberus.plugin.InputException;
import io.kerberus.plugin.Lifecycle;
import io.kerberus.scaffolder.Action;
import io.kerberus.scaffolder.plugin.tasks.ActionRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotificationSendActionTest {

    @TempDir
    Path workspace;

    /** Records what it was asked to send; fails when told to. */
    static final class FakeNotifications implements NotificationService {
        final List<NotificationRecipients> recipients = new ArrayList<>();
        final List<NotificationPayload> payloads = new ArrayList<>();
        final List<String> origins = new ArrayList<>();
        RuntimeException failure;

        @Override
        public List<Notification> send(String origin, NotificationRecipients to, NotificationPayload payload) {
            if (failure != null) {
                throw failure;
            }
            origins.add(origin);
            recipients.add(to);
            payloads.add(payload);
            return to.entityRefs().stream().map(ref -> new Notification("id-" + ref, Optional.of(ref), Instant.EPOCH, null, null, null,
                    origin, payload)).toList();
        }
    }

    final FakeNotifications fake = new FakeNotifications();
    final NotificationSendAction action = new NotificationSendAction(() -> Optional.of(fake), CreatorAccess.UNRESTRICTED);

    @Test
    void sendsToEntitiesWithBackstagesInputs() {
        TestActionContext ctx = new TestActionContext(workspace).with("recipients", "entity")
                .with("entityRefs", List.of("user:default/guest", "group:default/team-a")).with("title", "Template executed")
                .with("info", "Your template has been executed").with("link", "/catalog").with("severity", "high").with("scope", "run-1");

        action.run(ctx);

        assertThat(fake.origins).containsExactly("plugin:scaffolder");
        assertThat(fake.recipients.getFirst()).isEqualTo(NotificationRecipients.entities(List.of("user:default/guest", "group:default/team-a")));
        NotificationPayload payload = fake.payloads.getFirst();
        assertThat(payload.title()).isEqualTo("Template executed");
        assertThat(payload.description()).contains("Your template has been executed");
        assertThat(payload.link()).contains("/catalog");
        assertThat(payload.severity()).isEqualTo(NotificationSeverity.HIGH);
        assertThat(payload.scope()).contains("run-1");
        assertThat(ctx.log()).contains("Sending notification to entity").contains("Sent 2 notifications");
    }

    @Test
    void broadcastsAndAcceptsDescriptionForInfo() {
        TestActionContext ctx = new TestActionContext(workspace).with("recipients", "broadcast").with("title", "Maintenance")
                .with("description", "Tonight at 22:00");

        action.run(ctx);

        assertThat(fake.recipients.getFirst().type()).isEqualTo(NotificationRecipients.Type.BROADCAST);
        assertThat(fake.payloads.getFirst().description()).contains("Tonight at 22:00");
        assertThat(fake.payloads.getFirst().severity()).isEqualTo(NotificationSeverity.NORMAL);
    }

    @Test
    void dryRunOnlyLogsWhatItWouldSend() {
        TestActionContext ctx = new TestActionContext(workspace).with("recipients", "entity").with("entityRefs", List.of("user:default/guest"))
                .with("title", "Template executed");
        ctx.dryRun = true;

        action.run(ctx);

        assertThat(fake.payloads).isEmpty();
        assertThat(ctx.log()).contains("would send normal notification 'Template executed' to user:default/guest");
    }

    @Test
    void requiresEntityRefsForEntityRecipientsUnlessOptional() {
        TestActionContext strict = new TestActionContext(workspace).with("recipients", "entity").with("title", "x");
        TestActionContext optional = new TestActionContext(workspace).with("recipients", "entity").with("title", "x").with("optional", true);

        assertThatThrownBy(() -> action.run(strict)).isInstanceOf(InputException.class).hasMessageContaining("Entity references must be provided");
        action.run(optional);

        assertThat(fake.payloads).isEmpty();
    }

    @Test
    void aFailureToSendFailsTheStepUnlessOptional() {
        fake.failure = new IllegalStateException("database down");
        TestActionContext strict = new TestActionContext(workspace).with("recipients", "broadcast").with("title", "x");
        TestActionContext optional = new TestActionContext(workspace).with("recipients", "broadcast").with("title", "x").with("optional", true);

        assertThatThrownBy(() -> action.run(strict)).hasMessageContaining("failed to send notification: database down");
        action.run(optional);

        assertThat(optional.log()).contains("Failed to send notification: database down");
    }

    @Test
    void sendsInTheNameOfTheTasksCreatorSoScopesDoNotCrossSenders() {
        TestActionContext jane = new TestActionContext(workspace).with("recipients", "entity").with("entityRefs", List.of("user:default/bob"))
                .with("title", "Deploy 50%").with("scope", "deploy");
        jane.user = io.kerberus.plugin.Principal.user("user:default/jane", List.of("user:default/jane"), null);
        TestActionContext service = new TestActionContext(workspace).with("recipients", "entity").with("entityRefs", List.of("user:default/bob"))
                .with("title", "Deploy 60%").with("scope", "deploy");
        service.user = io.kerberus.plugin.Principal.service("ci");

        action.run(jane);
        action.run(service);

        assertThat(fake.origins).containsExactly("plugin:scaffolder:user:default/jane", "plugin:scaffolder:plugin:ci");
    }

    @Test
    void broadcastsNeedNotificationBroadcastForTheCreatorEvenWhenOptional() {
        List<String> asked = new ArrayList<>();
        CreatorAccess denying = new CreatorAccess() {
            @Override
            public boolean mayRead(io.kerberus.scaffolder.ActionContext ctx, io.kerberus.catalog.Entity entity) {
                return true;
            }

            @Override
            public boolean allowed(io.kerberus.scaffolder.ActionContext ctx, io.kerberus.plugin.Permission permission) {
                asked.add(permission.name());
                return false;
            }

            @Override
            public void require(io.kerberus.scaffolder.ActionContext ctx, io.kerberus.plugin.Permission permission) {
                asked.add(permission.name());
                throw new io.kerberus.plugin.NotAllowedException("user:default/jane may not " + permission.name());
            }
        };
        NotificationSendAction guarded = new NotificationSendAction(() -> Optional.of(fake), denying);
        TestActionContext broadcast = new TestActionContext(workspace).with("recipients", "broadcast").with("title", "x").with("optional", true);
        TestActionContext dryRun = new TestActionContext(workspace).with("recipients", "broadcast").with("title", "x");
        dryRun.dryRun = true;
        TestActionContext toBob = new TestActionContext(workspace).with("recipients", "entity").with("entityRefs", List.of("user:default/bob"))
                .with("title", "x");

        assertThatThrownBy(() -> guarded.run(broadcast)).hasMessageContaining("notification.broadcast");
        guarded.run(dryRun);
        guarded.run(toBob);

        assertThat(asked).containsExactly("notification.broadcast", "notification.broadcast");
        assertThat(dryRun.log()).contains("a real run would be refused: broadcasting needs notification.broadcast");
        assertThat(fake.recipients).hasSize(1).allSatisfy(to -> assertThat(to.type()).isEqualTo(NotificationRecipients.Type.ENTITY));
    }

    @Test
    void isAddedOnStartOnlyWhenNotificationsArePresent() {
        ActionRegistry with = new ActionRegistry();
        ActionRegistry without = new ActionRegistry();
        List<Runnable> hooks = new ArrayList<>();
        Lifecycle lifecycle = new Lifecycle() {
            @Override
            public void onStarted(Runnable hook) {
                hooks.add(hook);
            }

            @Override
            public void onShutdown(Runnable hook) {
            }
        };

        NotificationSendAction.addWhenAvailable(with, () -> with.find(NotificationSendAction.ID), () -> Optional.of(fake), lifecycle, CreatorAccess.UNRESTRICTED);
        NotificationSendAction.addWhenAvailable(without, () -> without.find(NotificationSendAction.ID), Optional::empty, lifecycle, CreatorAccess.UNRESTRICTED);
        assertThat(with.find(NotificationSendAction.ID)).isEmpty();
        hooks.forEach(Runnable::run);

        assertThat(with.find(NotificationSendAction.ID)).map(Action::id).contains("notification:send");
        assertThat(without.find(NotificationSendAction.ID)).isEmpty();
    }
}
