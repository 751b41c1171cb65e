package com.getpaidx.orgs.membership;

import java.util.Arrays;
import java.util.List;

import com.getpaidx.orgs.shared.Forbidden;

/**
 * The rules of DESIGN §2 that depend on whom an action touches, not only on who acts.
 * Pure functions, so the whole matrix is unit-tested, and the pages use the same answers to decide
 * which controls to show.
 */
public final class RoleRules {

    private RoleRules() {
    }

    /** Owners change any role; admins only non-owners, and never to owner. */
    public static boolean mayChangeRole(Role actor, Role current, Role wanted) {
        return actor.can(Permission.CHANGE_ROLES)
                && (actor == Role.OWNER || (current != Role.OWNER && wanted != Role.OWNER));
    }

    /** Anyone may leave; owners remove anyone; admins remove non-owners. */
    public static boolean mayRemove(Role actor, boolean self, Role target) {
        return self || (actor.can(Permission.REMOVE_MEMBERS) && (actor == Role.OWNER || target != Role.OWNER));
    }

    /** Managers invite, and only owners invite someone as owner. */
    public static boolean mayInvite(Role actor, Role invited) {
        return actor.can(Permission.MANAGE_INVITATIONS) && (invited != Role.OWNER || actor == Role.OWNER);
    }

    /** The roles {@code actor} may give a member who now holds {@code current}; empty when none. */
    public static List<Role> assignableRoles(Role actor, Role current) {
        return Arrays.stream(Role.values()).filter(wanted -> mayChangeRole(actor, current, wanted)).toList();
    }

    public static void checkRoleChange(Role actor, Role current, Role wanted) {
        if (!mayChangeRole(actor, current, wanted)) {
            throw new Forbidden();
        }
    }

    public static void checkRemoval(Role actor, boolean self, Role target) {
        if (!mayRemove(actor, self, target)) {
            throw new Forbidden();
        }
    }

    public static void checkInvite(Role actor, Role invited) {
        if (!mayInvite(actor, invited)) {
            throw new Forbidden();
        }
    }
}
