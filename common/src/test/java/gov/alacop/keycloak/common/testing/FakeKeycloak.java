package gov.alacop.keycloak.common.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.models.UserModel;
import org.keycloak.provider.Provider;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The few Keycloak objects a unit test of session-bound code needs, as proxies over maps: a session with a
 * single-use store and providers, a realm with attributes, a user with an id, an authentication session with
 * notes. Any other method answers null (or false / 0), so code that needs more fails visibly.
 */
public final class FakeKeycloak {

    private FakeKeycloak() {
    }

    public static KeycloakSession session(SingleUseObjectProvider store, Map<Class<?>, Provider> providers) {
        return proxy(KeycloakSession.class, (p, method, args) -> switch (method.getName()) {
            case "singleUseObjects" -> store;
            case "getProvider" -> providers.get((Class<?>) args[0]);
            default -> defaultValue(method.getReturnType());
        });
    }

    public static RealmModel realm(String id, Map<String, String> attributes) {
        return proxy(RealmModel.class, (p, method, args) -> switch (method.getName()) {
            case "getId", "getName" -> id;
            case "getAttribute" -> args.length == 1 ? attributes.get((String) args[0])
                    : defaultValue(method.getReturnType());
            case "setAttribute" -> {
                attributes.put((String) args[0], String.valueOf(args[1]));
                yield null;
            }
            default -> defaultValue(method.getReturnType());
        });
    }

    public static UserModel user(String id) {
        return proxy(UserModel.class, (p, method, args) -> switch (method.getName()) {
            case "getId", "getUsername" -> id;
            default -> defaultValue(method.getReturnType());
        });
    }

    /** An authentication session whose notes are {@code notes} (so a test can look at them). */
    public static AuthenticationSessionModel authSession(Map<String, String> notes) {
        return proxy(AuthenticationSessionModel.class, (p, method, args) -> switch (method.getName()) {
            case "getAuthNote" -> notes.get((String) args[0]);
            case "setAuthNote" -> {
                notes.put((String) args[0], (String) args[1]);
                yield null;
            }
            case "removeAuthNote" -> {
                notes.remove((String) args[0]);
                yield null;
            }
            default -> defaultValue(method.getReturnType());
        });
    }

    public static AuthenticationSessionModel authSession() {
        return authSession(new HashMap<>());
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(FakeKeycloak.class.getClassLoader(), new Class<?>[] {type},
                (p, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (method.getName()) {
                            case "equals" -> p == args[0];
                            case "hashCode" -> System.identityHashCode(p);
                            default -> type.getSimpleName() + " (fake)";
                        };
                    }
                    return handler.invoke(p, method, args == null ? new Object[0] : args);
                });
    }

    private static Object defaultValue(Class<?> type) {
        if (!type.isPrimitive()) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == void.class) {
            return null;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == int.class) {
            return 0;
        }
        return null;
    }
}
