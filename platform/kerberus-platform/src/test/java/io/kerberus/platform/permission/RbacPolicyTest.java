package io.kerberus.platform.permission;

import io.kerberus.plugin.Permission;
import io.kerberus.plugin.PermissionCriteria;
import io.kerberus.plugin.PermissionRequest;
import io.kerberus.plugin.PermissionRule;
import io.kerberus.plugin.PolicyDecision;
import io.kerberus.plugin.Principal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Permission decisions: default policy, RBAC roles, criteria (issue #8)")
class RbacPolicyTest {

    static final Permission READ = Permission.resource("catalog.entity.read", "read", "catalog-entity");
    static final Permission DELETE = Permission.resource("catalog.entity.delete", "delete", "catalog-entity");
    static final Permission CREATE = Permission.basic("catalog.entity.create", "create");
    static final Permission LOCATION_DELETE = Permission.basic("catalog.location.delete", "delete");
    static final Principal JANE = Principal.user("user:default/jane", List.of("user:default/jane", "group:default/team-a"), null);
    static final Principal ADMIN = Principal.user("user:default/root", List.of("user:default/root", "group:default/admins"), null);

    private static PolicyDecision decide(List<Role> roles, boolean denyByDefault, Permission permission, Principal user) {
        RbacPolicy policy = new RbacPolicy(new DefaultPolicy(List.of("group:default/admins")), () -> roles, denyByDefault);
        return policy.decide(new PermissionRequest(permission, null), user);
    }

    private static Role role(String name, List<String> members, String rulesJson) {
        return new Role(name, "", members, RoleCodec.rulesFromJson(rulesJson), Role.CONFIG);
    }

    @Test
    void defaultPolicyLetsUsersReadAndCreateAndOwnersDelete() {
        assertThat(decide(List.of(), false, READ, JANE).result()).isEqualTo(PolicyDecision.Result.ALLOW);
        assertThat(decide(List.of(), false, CREATE, JANE).result()).isEqualTo(PolicyDecision.Result.ALLOW);

        PolicyDecision delete = decide(List.of(), false, DELETE, JANE);

        assertThat(delete.result()).isEqualTo(PolicyDecision.Result.CONDITIONAL);
        assertThat(delete.conditions()).isEqualTo(PermissionCriteria.rule("IS_ENTITY_OWNER", "catalog-entity",
                Map.of("claims", List.of("user:default/jane", "group:default/team-a"))));
        assertThat(delete.reason()).contains("owners and admins");
        assertThat(decide(List.of(), false, LOCATION_DELETE, JANE).isDenied()).isTrue();
    }

    @Test
    void defaultPolicyLetsUsersReadAndCancelOnlyTheirOwnTasksAndAdminsAll() {
        Permission taskRead = Permission.resource("scaffolder.task.read", "read", "scaffolder-task");
        Permission taskCancel = Permission.resource("scaffolder.task.cancel", null, "scaffolder-task");

        PolicyDecision read = decide(List.of(), false, taskRead, JANE);

        assertThat(read.result()).isEqualTo(PolicyDecision.Result.CONDITIONAL);
        assertThat(read.conditions()).isEqualTo(PermissionCriteria.rule("IS_TASK_OWNER", "scaffolder-task",
                Map.of("createdBy", List.of("user:default/jane"))));
        assertThat(decide(List.of(), false, taskCancel, JANE).isConditional()).isTrue();
        assertThat(decide(List.of(), false, taskRead, ADMIN).isAllowed()).isTrue();
    }

    @Test
    void permissionsAreOnUnlessTheConfigTurnsThemOff() {
        assertThat(PermissionSettings.defaults().enabled()).isTrue();
    }

    @Test
    void adminsAndServicesAreAllowedEverything() {
        assertThat(decide(List.of(), false, DELETE, ADMIN).isAllowed()).isTrue();
        assertThat(decide(List.of(), false, DELETE, ADMIN).reason()).contains("admin");
        assertThat(decide(List.of(), false, LOCATION_DELETE, Principal.service("scaffolder")).isAllowed()).isTrue();
    }

    @Test
    void roleRulesMatchMembersThroughGroupsAndNameTheRule() {
        Role readers = role("kind-readers", List.of("group:default/team-a"), """
                [{"resourceType": "catalog-entity", "action": "read", "decision": "allow",
                  "conditions": {"rule": "isEntityKind", "params": {"kinds": ["component"]}}}]""");

        PolicyDecision decision = decide(List.of(readers), false, READ, JANE);

        assertThat(decision.result()).isEqualTo(PolicyDecision.Result.CONDITIONAL);
        assertThat(decision.conditions()).isEqualTo(PermissionCriteria.rule("IS_ENTITY_KIND", "catalog-entity", Map.of("kinds", List.of("component"))));
        assertThat(decision.reason()).contains("role 'kind-readers'");
        assertThat(decide(List.of(readers), false, READ, ADMIN).isAllowed()).isTrue();
    }

    @Test
    void unconditionalDenyWinsOverAllow() {
        Role allow = role("all", List.of("*"), "[{\"permission\": \"*\", \"decision\": \"allow\"}]");
        Role deny = role("no-delete", List.of("user:default/jane"), "[{\"permission\": \"catalog.entity.delete\", \"decision\": \"deny\"}]");

        PolicyDecision decision = decide(List.of(allow, deny), false, DELETE, JANE);

        assertThat(decision.isDenied()).isTrue();
        assertThat(decision.reason()).isEqualTo("role 'no-delete': catalog.entity.delete deny");
        assertThat(decide(List.of(allow, deny), false, READ, JANE).reason()).isEqualTo("role 'all': * allow");
    }

    @Test
    void conditionalDenyIsCutOutOfTheAllowedSet() {
        Role deny = role("no-secret", List.of("group:default/team-a"), """
                [{"permission": "catalog.entity.read", "decision": "deny", "conditions": {"rule": "HAS_LABEL", "params": {"label": "secret"}}}]""");

        PolicyDecision decision = decide(List.of(deny), false, READ, JANE);

        assertThat(decision.result()).isEqualTo(PolicyDecision.Result.CONDITIONAL);
        assertThat(decision.conditions()).isEqualTo(new PermissionCriteria.Not(
                PermissionCriteria.rule("HAS_LABEL", "catalog-entity", Map.of("label", "secret"))));
        assertThat(decision.reason()).contains("signed-in users may read").contains("except role 'no-secret'");
    }

    @Test
    void ownerRuleWithoutClaimsUsesTheAskingUser() {
        Role owners = role("owners", List.of("*"), """
                [{"permission": "catalog.entity.delete", "decision": "allow", "conditions": {"anyOf": [{"rule": "IS_ENTITY_OWNER"},
                  {"not": {"rule": "HAS_ANNOTATION", "params": {"annotation": "locked"}}}]}}]""");

        PolicyDecision decision = decide(List.of(owners), false, DELETE, JANE);

        assertThat(decision.conditions()).isEqualTo(new PermissionCriteria.AnyOf(List.of(
                PermissionCriteria.rule("IS_ENTITY_OWNER", "catalog-entity", Map.of("claims", JANE.ownershipRefs())),
                new PermissionCriteria.Not(PermissionCriteria.rule("HAS_ANNOTATION", "catalog-entity", Map.of("annotation", "locked"))))));
    }

    @Test
    void fallbackDenyDeniesWhatNoRuleAllows() {
        PolicyDecision decision = decide(List.of(), true, READ, JANE);

        assertThat(decision.isDenied()).isTrue();
        assertThat(decision.reason()).contains("permission.rbac.fallback: deny");
    }

    @Test
    void criteriaNestAndEvaluateAgainstRules() {
        PermissionRule kind = rule("IS_ENTITY_KIND", (resource, params) -> ((List<?>) params.get("kinds")).contains(resource.get("kind")));
        PermissionRule label = rule("HAS_LABEL", (resource, params) -> ((Map<?, ?>) resource.get("labels")).containsKey(params.get("label")));
        PermissionCriteria criteria = PermissionCriteria.fromJson(Map.of("allOf", List.of(
                Map.of("rule", "IS_ENTITY_KIND", "params", Map.of("kinds", List.of("api", "component"))),
                Map.of("not", Map.of("anyOf", List.of(Map.of("rule", "HAS_LABEL", "params", Map.of("label", "secret"))))))), "catalog-entity");
        Map<String, PermissionRule> rules = Map.of("IS_ENTITY_KIND", kind, "HAS_LABEL", label);

        assertThat(Criteria.holds(criteria, Map.of("kind", "api", "labels", Map.of()), rules)).isTrue();
        assertThat(Criteria.holds(criteria, Map.of("kind", "api", "labels", Map.of("secret", "x")), rules)).isFalse();
        assertThat(Criteria.holds(criteria, Map.of("kind", "user", "labels", Map.of()), rules)).isFalse();
        assertThat(Criteria.describe(criteria)).isEqualTo("IS_ENTITY_KIND{kinds=[api, component]} and not (HAS_LABEL{label=secret})");
        assertThat(PermissionCriteria.fromJson(criteria.toJson(), "x")).isEqualTo(criteria);
        assertThat(Criteria.holds(new PermissionCriteria.AnyOf(List.of()), Map.of(), rules)).isFalse();
        assertThat(Criteria.holds(new PermissionCriteria.AllOf(List.of()), Map.of(), rules)).isTrue();
    }

    @Test
    void rejectsMalformedRules() {
        assertThatThrownBy(() -> RoleCodec.rulesFromJson("[{\"permission\": \"x.y\", \"decision\": \"maybe\"}]"))
                .hasMessageContaining("rule 1: decision must be allow or deny");
        assertThatThrownBy(() -> RoleCodec.rulesFromJson("[{\"decision\": \"allow\"}]"))
                .hasMessageContaining("needs 'permission'");
        assertThatThrownBy(() -> PermissionCriteria.fromJson(Map.of("foo", 1), "catalog-entity"))
                .hasMessageContaining("needs 'rule'");
    }

    private interface Test2 {
        boolean apply(Map<String, Object> resource, Map<String, Object> params);
    }

    private static PermissionRule rule(String name, Test2 test) {
        return new PermissionRule() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return name;
            }

            @Override
            public boolean apply(Map<String, Object> resource, Map<String, Object> params) {
                return test.apply(resource, params);
            }
        };
    }
}
