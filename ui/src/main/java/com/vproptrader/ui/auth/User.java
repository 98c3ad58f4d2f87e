package com.vproptrader.ui.auth;

import java.util.Objects;

/** A logged-in person: the name journaled with every action they take, and their role. */
public record User(String name, Role role) {

    public User {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }

    public boolean mayOperate() {
        return role == Role.OPERATOR;
    }
}
