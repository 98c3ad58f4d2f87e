package com.vproptrader.ui.auth;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.ForwardingClientCallListener.SimpleForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The server-side check on every command the UI sends to a host, whatever page or button sent it. Reads
 * (methods named Get…, List…, Watch) pass; any other call needs a logged-in operator, else it fails with
 * PERMISSION_DENIED before it leaves the UI. A passing command is stamped with the login name (a message's
 * {@code operator} field is overwritten; otherwise its {@code reason} or {@code note} is prefixed
 * "name: "), must carry a reason when its message has a {@code reason} field, and is written to the
 * {@link AuditLog} with its outcome.
 */
public final class OperatorGate implements ClientInterceptor {

    private final Supplier<Optional<User>> user;
    private final AuditLog audit;
    private final String host;

    public OperatorGate(Supplier<Optional<User>> user, AuditLog audit, String host) {
        this.user = user;
        this.audit = audit;
        this.host = host;
    }

    static boolean isRead(MethodDescriptor<?, ?> method) {
        String name = method.getBareMethodName();
        return name != null && (name.startsWith("Get") || name.startsWith("List") || name.equals("Watch"));
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        if (isRead(method)) {
            return next.newCall(method, options);
        }
        Optional<User> who = user.get();
        String command = method.getBareMethodName();
        if (who.isEmpty() || !who.get().mayOperate()) {
            String name = who.map(User::name).orElse("-");
            String role = who.map(u -> u.role().label()).orElse("none");
            audit.record(name, role, host, command, "", "refused: not an operator");
            return refused(Status.PERMISSION_DENIED.withDescription(
                    command + " needs the operator role; " + name + " is " + role));
        }
        User operator = who.get();
        return new SimpleForwardingClientCall<>(next.newCall(method, options)) {
            private String reason = "";
            private boolean refused;

            @Override
            public void halfClose() {
                if (!refused) {
                    super.halfClose();
                }
            }

            @Override
            public void start(Listener<R> listener, Metadata headers) {
                super.start(new SimpleForwardingClientCallListener<>(listener) {
                    @Override
                    public void onMessage(R message) {
                        audit.record(operator.name(), operator.role().label(), host, command, reason, outcome(message));
                        super.onMessage(message);
                    }

                    @Override
                    public void onClose(Status status, Metadata trailers) {
                        if (!status.isOk() && !refused) {
                            audit.record(operator.name(), operator.role().label(), host, command, reason,
                                    "failed: " + status.getCode() + " " + status.getDescription());
                        }
                        super.onClose(status, trailers);
                    }
                }, headers);
            }

            @Override
            @SuppressWarnings("unchecked")
            public void sendMessage(Q message) {
                if (message instanceof Message m) {
                    FieldDescriptor why = m.getDescriptorForType().findFieldByName("reason");
                    if (why != null && m.getField(why).toString().isBlank()) {
                        audit.record(operator.name(), operator.role().label(), host, command, "", "refused: no reason");
                        refused = true;
                        cancel("a reason is required", Status.INVALID_ARGUMENT
                                .withDescription(command + " needs a reason (journaled)").asRuntimeException());
                        return;
                    }
                    Message stamped = stamp(m, operator.name());
                    reason = text(stamped, "reason", text(stamped, "note", ""));
                    super.sendMessage((Q) stamped);
                } else {
                    super.sendMessage(message);
                }
            }
        };
    }

    /** The login name in the message: its operator field, else as the prefix of its reason or note. */
    static Message stamp(Message m, String name) {
        Message.Builder b = m.toBuilder();
        FieldDescriptor operator = m.getDescriptorForType().findFieldByName("operator");
        if (operator != null && operator.getJavaType() == FieldDescriptor.JavaType.STRING) {
            return b.setField(operator, name).build();
        }
        for (String field : new String[] {"reason", "note"}) {
            FieldDescriptor f = m.getDescriptorForType().findFieldByName(field);
            if (f != null && f.getJavaType() == FieldDescriptor.JavaType.STRING) {
                String text = m.getField(f).toString();
                return b.setField(f, text.isBlank() ? name : name + ": " + text).build();
            }
        }
        return m;
    }

    private static String text(Message m, String field, String otherwise) {
        FieldDescriptor f = m.getDescriptorForType().findFieldByName(field);
        return f == null ? otherwise : m.getField(f).toString();
    }

    /** "accepted"/"refused ..." from a reply's accepted/ok field; the reply's type otherwise. */
    private static String outcome(Object reply) {
        if (!(reply instanceof Message m)) {
            return "answered";
        }
        for (String field : new String[] {"accepted", "ok"}) {
            FieldDescriptor f = m.getDescriptorForType().findFieldByName(field);
            if (f != null && f.getJavaType() == FieldDescriptor.JavaType.BOOLEAN) {
                boolean yes = (Boolean) m.getField(f);
                String detail = text(m, "detail", text(m, "message", ""));
                return (yes ? "accepted" : "refused") + (detail.isEmpty() ? "" : ": " + detail);
            }
        }
        return "answered " + m.getDescriptorForType().getName();
    }

    private static <Q, R> ClientCall<Q, R> refused(Status status) {
        return new ClientCall<>() {
            private Listener<R> listener;

            @Override
            public void start(Listener<R> responseListener, Metadata headers) {
                listener = responseListener;
            }

            @Override
            public void request(int numMessages) {
            }

            @Override
            public void cancel(String message, Throwable cause) {
            }

            @Override
            public void halfClose() {
                listener.onClose(status, new Metadata());
            }

            @Override
            public void sendMessage(Q message) {
            }
        };
    }
}
