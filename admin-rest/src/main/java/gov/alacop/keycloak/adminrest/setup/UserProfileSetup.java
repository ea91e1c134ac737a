package gov.alacop.keycloak.adminrest.setup;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

import org.keycloak.models.KeycloakSession;
import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.representations.userprofile.config.UPGroup;
import org.keycloak.userprofile.UserProfileProvider;
import org.keycloak.util.JsonSerialization;

/**
 * Merges AlaCOP's user-profile attributes ({@code ori}, {@code alacopStaySignedIn}, the skip state) and their group
 * into the realm's user profile. The realm's own attributes stay as they are; an attribute of the same name with
 * another definition is a conflict, reported and not overwritten. A realm that hides unmanaged attributes gets
 * "admins can view" (the bundle's other per-user state lives there), a more open policy stays.
 */
final class UserProfileSetup {

    private final KeycloakSession session;
    private final ShippedRealm shipped;
    private final SetupPlan plan;

    UserProfileSetup(KeycloakSession session, ShippedRealm shipped, SetupPlan plan) {
        this.session = session;
        this.shipped = shipped;
        this.plan = plan;
    }

    void plan() {
        UserProfileProvider provider = session.getProvider(UserProfileProvider.class);
        UPConfig current = provider.getConfiguration();
        UPConfig wanted = shipped.userProfile();
        List<UPAttribute> toAdd = new ArrayList<>();
        for (UPAttribute attribute : wanted.getAttributes()) {
            if (ShippedRealm.KEYCLOAK_PROFILE_ATTRIBUTES.contains(attribute.getName())) {
                continue;
            }
            UPAttribute existing = current.getAttribute(attribute.getName());
            if (existing == null) {
                toAdd.add(attribute);
            } else if (!tree(existing).equals(tree(attribute))) {
                plan.conflict("user-profile attribute '" + attribute.getName() + "'", "defined by the realm",
                        "AlaCOP's definition", "the realm defines this attribute differently; it is kept");
            }
        }
        List<UPGroup> groupsToAdd = new ArrayList<>();
        for (UPAttribute attribute : toAdd) {
            if (attribute.getGroup() != null && groupOf(current, attribute.getGroup()) == null
                    && groupsToAdd.stream().noneMatch(g -> g.getName().equals(attribute.getGroup()))) {
                UPGroup group = groupOf(wanted, attribute.getGroup());
                if (group != null) {
                    groupsToAdd.add(group);
                }
            }
        }
        UPConfig.UnmanagedAttributePolicy policy = current.getUnmanagedAttributePolicy();
        boolean openUnmanaged = policy == null && wanted.getUnmanagedAttributePolicy() != null;
        if (toAdd.isEmpty() && groupsToAdd.isEmpty() && !openUnmanaged) {
            return;
        }
        if (!toAdd.isEmpty()) {
            plan.change("user-profile attributes", names(current), "adds "
                    + String.join(", ", toAdd.stream().map(UPAttribute::getName).toList())
                    + (groupsToAdd.isEmpty() ? "" : " (group " + String.join(", ",
                            groupsToAdd.stream().map(UPGroup::getName).toList()) + ")"), () -> {
                        UPConfig merged = provider.getConfiguration().clone();
                        groupsToAdd.forEach(merged::addGroup);
                        toAdd.forEach(merged::addOrReplaceAttribute);
                        provider.setConfiguration(merged);
                    });
        }
        if (openUnmanaged) {
            plan.change("user profile: unmanaged attributes", "not available to admins",
                    wanted.getUnmanagedAttributePolicy(), () -> {
                        UPConfig merged = provider.getConfiguration().clone();
                        merged.setUnmanagedAttributePolicy(wanted.getUnmanagedAttributePolicy());
                        provider.setConfiguration(merged);
                    });
        }
    }

    private static String names(UPConfig config) {
        return String.join(", ", config.getAttributes().stream().map(UPAttribute::getName).toList());
    }

    private static UPGroup groupOf(UPConfig config, String name) {
        return config.getGroups() == null ? null
                : config.getGroups().stream().filter(g -> Objects.equals(g.getName(), name)).findFirst().orElse(null);
    }

    private static JsonNode tree(Object value) {
        return JsonSerialization.mapper.valueToTree(value);
    }
}
