package org.cascade.platform.domain;

/**
 * The roles of Cascade. Each is also the Jakarta Security group (and role) name.
 * Terminal users have no staff account: they sign in by inserting a storage media.
 */
public enum Role {
    OPERATOR("operator"),
    CLERK("clerk"),
    HOLDER("holder"),
    TERMINAL("terminal");

    private final String group;

    Role(String group) {
        this.group = group;
    }

    public String group() {
        return group;
    }

    public static Role ofGroup(String group) {
        for (Role r : values()) {
            if (r.group.equals(group)) {
                return r;
            }
        }
        throw new IllegalArgumentException(group);
    }
}
