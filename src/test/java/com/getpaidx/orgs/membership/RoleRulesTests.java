package com.getpaidx.orgs.membership;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.getpaidx.orgs.shared.Forbidden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The permission matrix of DESIGN §2, written out cell by cell. Each table has one column per role in
 * the order owner, admin, billing_admin, member; changing any cell of {@link Role} or {@link RoleRules}
 * breaks a row, and adding a role or a permission breaks {@link #theTablesCoverEveryRoleAndPermission()}
 * until the tables say what it may do.
 */
class RoleRulesTests {

    /** One row per permission, as in the DESIGN §2 table. */
    static final String PERMISSIONS = """
            # permission,       owner, admin, billing_admin, member
            VIEW,               true,  true,  true,          true
            RENAME_ORG,         true,  true,  false,         false
            ARCHIVE_ORG,        true,  false, false,         false
            MANAGE_INVITATIONS, true,  true,  false,         false
            CHANGE_ROLES,       true,  true,  false,         false
            REMOVE_MEMBERS,     true,  true,  false,         false
            MANAGE_BILLING,     true,  false, true,          false
            MANAGE_SEATS,       true,  false, true,          false
            READ_AUDIT,         true,  true,  true,          false
            """;

    /** Whether {@code actor} may move a member from {@code current} to each wanted role. */
    static final String ROLE_CHANGES = """
            # actor,        current,       to owner, to admin, to billing_admin, to member
            owner,          owner,         true,     true,     true,             true
            owner,          admin,         true,     true,     true,             true
            owner,          billing_admin, true,     true,     true,             true
            owner,          member,        true,     true,     true,             true
            admin,          owner,         false,    false,    false,            false
            admin,          admin,         false,    true,     true,             true
            admin,          billing_admin, false,    true,     true,             true
            admin,          member,        false,    true,     true,             true
            billing_admin,  owner,         false,    false,    false,            false
            billing_admin,  admin,         false,    false,    false,            false
            billing_admin,  billing_admin, false,    false,    false,            false
            billing_admin,  member,        false,    false,    false,            false
            member,         owner,         false,    false,    false,            false
            member,         admin,         false,    false,    false,            false
            member,         billing_admin, false,    false,    false,            false
            member,         member,        false,    false,    false,            false
            """;

    /** Whether {@code actor} may remove a member holding each role; {@code self} = the actor leaves. */
    static final String REMOVALS = """
            # actor,        self,  owner, admin, billing_admin, member
            owner,          false, true,  true,  true,          true
            owner,          true,  true,  true,  true,          true
            admin,          false, false, true,  true,          true
            admin,          true,  true,  true,  true,          true
            billing_admin,  false, false, false, false,         false
            billing_admin,  true,  true,  true,  true,          true
            member,         false, false, false, false,         false
            member,         true,  true,  true,  true,          true
            """;

    /** Whether {@code actor} may invite someone as each role. */
    static final String INVITATIONS = """
            # actor,        as owner, as admin, as billing_admin, as member
            owner,          true,     true,     true,             true
            admin,          false,    true,     true,             true
            billing_admin,  false,    false,    false,            false
            member,         false,    false,    false,            false
            """;

    /** The roles a role select offers {@code actor} for a member holding {@code current}. */
    static final String ASSIGNABLE = """
            # actor,        current,       assignable roles
            owner,          owner,         owner admin billing_admin member
            owner,          admin,         owner admin billing_admin member
            owner,          billing_admin, owner admin billing_admin member
            owner,          member,        owner admin billing_admin member
            admin,          owner,         ''
            admin,          admin,         admin billing_admin member
            admin,          billing_admin, admin billing_admin member
            admin,          member,        admin billing_admin member
            billing_admin,  owner,         ''
            billing_admin,  admin,         ''
            billing_admin,  billing_admin, ''
            billing_admin,  member,        ''
            member,         owner,         ''
            member,         admin,         ''
            member,         billing_admin, ''
            member,         member,        ''
            """;

    @ParameterizedTest(name = "{0}: owner={1}, admin={2}, billing_admin={3}, member={4}")
    @CsvSource(textBlock = PERMISSIONS)
    void eachRoleHoldsExactlyThePermissionsOfTheDesign(Permission permission, boolean owner, boolean admin,
            boolean billingAdmin, boolean member) {
        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(Role.OWNER.can(permission)).as("owner may %s", permission).isEqualTo(owner);
            softly.assertThat(Role.ADMIN.can(permission)).as("admin may %s", permission).isEqualTo(admin);
            softly.assertThat(Role.BILLING_ADMIN.can(permission)).as("billing_admin may %s", permission)
                    .isEqualTo(billingAdmin);
            softly.assertThat(Role.MEMBER.can(permission)).as("member may %s", permission).isEqualTo(member);
        });
    }

    @ParameterizedTest(name = "{0} changing {1}: owner={2}, admin={3}, billing_admin={4}, member={5}")
    @CsvSource(textBlock = ROLE_CHANGES)
    void ownersChangeAnyRoleAndAdminsOnlyAmongNonOwners(String actor, String current, boolean toOwner,
            boolean toAdmin, boolean toBillingAdmin, boolean toMember) {
        Role actorRole = Role.fromJson(actor);
        Role currentRole = Role.fromJson(current);
        boolean[] expected = { toOwner, toAdmin, toBillingAdmin, toMember };
        SoftAssertions.assertSoftly(softly -> {
            for (Role wanted : Role.values()) {
                softly.assertThat(RoleRules.mayChangeRole(actorRole, currentRole, wanted))
                        .as("%s may change %s to %s", actor, current, wanted.json())
                        .isEqualTo(expected[wanted.ordinal()]);
            }
        });
    }

    @ParameterizedTest(name = "{0}, self={1}: owner={2}, admin={3}, billing_admin={4}, member={5}")
    @CsvSource(textBlock = REMOVALS)
    void anyoneLeavesOwnersRemoveAnyoneAndAdminsRemoveNonOwners(String actor, boolean self, boolean owner,
            boolean admin, boolean billingAdmin, boolean member) {
        Role actorRole = Role.fromJson(actor);
        boolean[] expected = { owner, admin, billingAdmin, member };
        SoftAssertions.assertSoftly(softly -> {
            for (Role target : Role.values()) {
                softly.assertThat(RoleRules.mayRemove(actorRole, self, target))
                        .as("%s (self=%s) may remove %s", actor, self, target.json())
                        .isEqualTo(expected[target.ordinal()]);
            }
        });
    }

    @ParameterizedTest(name = "{0}: owner={1}, admin={2}, billing_admin={3}, member={4}")
    @CsvSource(textBlock = INVITATIONS)
    void managersInviteAndOnlyOwnersInviteOwners(String actor, boolean asOwner, boolean asAdmin,
            boolean asBillingAdmin, boolean asMember) {
        Role actorRole = Role.fromJson(actor);
        boolean[] expected = { asOwner, asAdmin, asBillingAdmin, asMember };
        SoftAssertions.assertSoftly(softly -> {
            for (Role invited : Role.values()) {
                softly.assertThat(RoleRules.mayInvite(actorRole, invited))
                        .as("%s may invite as %s", actor, invited.json())
                        .isEqualTo(expected[invited.ordinal()]);
            }
        });
    }

    @ParameterizedTest(name = "{0} changing {1}: [{2}]")
    @CsvSource(textBlock = ASSIGNABLE)
    void theRoleSelectOffersExactlyTheAllowedRoles(String actor, String current, String assignable) {
        List<Role> expected = Arrays.stream(assignable.split(" ")).filter(name -> !name.isEmpty())
                .map(Role::fromJson).toList();
        assertThat(RoleRules.assignableRoles(Role.fromJson(actor), Role.fromJson(current)))
                .containsExactlyElementsOf(expected);
    }

    @Test
    void theChecksRefuseWithForbiddenExactlyWhereTheRulesSayNo() {
        for (Role actor : Role.values()) {
            for (Role other : Role.values()) {
                for (Role wanted : Role.values()) {
                    assertRefusedUnless("%s changes %s to %s".formatted(actor, other, wanted),
                            RoleRules.mayChangeRole(actor, other, wanted),
                            () -> RoleRules.checkRoleChange(actor, other, wanted));
                }
                for (boolean self : new boolean[] { false, true }) {
                    assertRefusedUnless("%s (self=%s) removes %s".formatted(actor, self, other),
                            RoleRules.mayRemove(actor, self, other),
                            () -> RoleRules.checkRemoval(actor, self, other));
                }
                assertRefusedUnless("%s invites as %s".formatted(actor, other), RoleRules.mayInvite(actor, other),
                        () -> RoleRules.checkInvite(actor, other));
            }
        }
    }

    @Test
    void rolesAreSpelledInSnakeCaseInJson() {
        assertThat(Arrays.stream(Role.values()).map(Role::json))
                .containsExactly("owner", "admin", "billing_admin", "member");
        assertThat(Role.fromJson("billing_admin")).isEqualTo(Role.BILLING_ADMIN);
        assertThatThrownBy(() -> Role.fromJson("BILLING_ADMIN")).hasMessageContaining("must be one of");
    }

    /** The columns of every table above are the roles in this order; each table has one row per key. */
    @Test
    void theTablesCoverEveryRoleAndPermission() {
        assertThat(Role.values()).containsExactly(Role.OWNER, Role.ADMIN, Role.BILLING_ADMIN, Role.MEMBER);
        Set<String> roles = Arrays.stream(Role.values()).map(Role::json).collect(Collectors.toSet());
        Set<String> actorAndRole = roles.stream().flatMap(a -> roles.stream().map(b -> a + "," + b))
                .collect(Collectors.toSet());
        Set<String> actorAndSelf = roles.stream().flatMap(a -> Set.of(a + ",false", a + ",true").stream())
                .collect(Collectors.toSet());

        assertThat(keys(PERMISSIONS, 1)).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(Permission.values()).map(Permission::name).toList());
        assertThat(keys(ROLE_CHANGES, 2)).containsExactlyInAnyOrderElementsOf(actorAndRole);
        assertThat(keys(REMOVALS, 2)).containsExactlyInAnyOrderElementsOf(actorAndSelf);
        assertThat(keys(INVITATIONS, 1)).containsExactlyInAnyOrderElementsOf(roles);
        assertThat(keys(ASSIGNABLE, 2)).containsExactlyInAnyOrderElementsOf(actorAndRole);
    }

    /** The first {@code width} columns of each row of a table, joined by commas. */
    private static List<String> keys(String table, int width) {
        return table.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(line -> Arrays.stream(line.split(",")).limit(width).map(String::strip)
                        .collect(Collectors.joining(",")))
                .toList();
    }

    private static void assertRefusedUnless(String what, boolean allowed, Runnable check) {
        if (allowed) {
            assertThatCode(check::run).as(what).doesNotThrowAnyException();
        }
        else {
            assertThatThrownBy(check::run).as(what).isInstanceOf(Forbidden.class)
                    .satisfies(e -> assertThat(((Forbidden) e).code()).isEqualTo("forbidden"));
        }
    }
}
