package io.autoscalebot.api;

import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the {@link Api} promises of the API's public types and members, and lists where one is broken: a public type
 * without {@code @Api}, a {@code since} after this API's version, or a STABLE signature that mentions a type which is
 * not STABLE (a plugin relying on the stable type would then rely on the experimental one).
 */
final class ApiHonesty {

    private static final String API_PACKAGE = "io.autoscalebot.api";

    private ApiHonesty() {
    }

    /** @return every public type compiled into {@code classes}, nested ones included, by name */
    static List<Class<?>> publicTypes(Path classes) throws IOException, ClassNotFoundException {
        List<Class<?>> types = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".")
                        .replaceAll("\\.class$", "");
                if (name.endsWith("module-info") || name.endsWith("package-info")) {
                    continue;
                }
                Class<?> type = Class.forName(name, false, ApiHonesty.class.getClassLoader());
                if (isVisible(type)) {
                    types.add(type);
                }
            }
        }
        types.sort(Comparator.comparing(Class::getName));
        return types;
    }

    /** @return every broken promise among these types, one line each; empty when they are honest */
    static List<String> violations(Collection<Class<?>> types) {
        List<String> violations = new ArrayList<>();
        for (Class<?> type : types) {
            Api api = type.getAnnotation(Api.class);
            if (api == null) {
                violations.add(type.getName() + " is public but says nothing of its stability: add @Api");
                continue;
            }
            checkSince(type.getName(), api, violations);
            if (api.status() == Api.Status.STABLE) {
                checkStable(type, violations);
            }
        }
        return violations;
    }

    private static void checkStable(Class<?> type, List<String> violations) {
        List<Type> supertypes = new ArrayList<>(List.of(type.getGenericInterfaces()));
        if (type.getGenericSuperclass() != null) {
            supertypes.add(type.getGenericSuperclass());
        }
        mentionsOnlyStable("STABLE " + type.getName() + " extends or implements", supertypes, violations);
        List<Member> members = new ArrayList<>();
        members.addAll(List.of(type.getDeclaredFields()));
        members.addAll(List.of(type.getDeclaredMethods()));
        members.addAll(List.of(type.getDeclaredConstructors()));
        for (Member member : members) {
            if (member.isSynthetic() || !isPublicOrProtected(member.getModifiers())
                    || member instanceof Method method && method.isBridge()) {
                continue;
            }
            String where = "STABLE " + type.getName() + "." + member.getName();
            Api api = ((AnnotatedElement) member).getAnnotation(Api.class);
            if (api != null) {
                checkSince(where, api, violations);
                if (api.status() != Api.Status.STABLE) {
                    // An experimental member of a stable type says so itself: that is honest.
                    continue;
                }
            }
            mentionsOnlyStable(where, signature(member), violations);
        }
    }

    private static List<Type> signature(Member member) {
        List<Type> types = new ArrayList<>();
        if (member instanceof Field field) {
            types.add(field.getGenericType());
        }
        if (member instanceof Method method) {
            types.add(method.getGenericReturnType());
        }
        if (member instanceof Executable executable) {
            types.addAll(List.of(executable.getGenericParameterTypes()));
            types.addAll(List.of(executable.getGenericExceptionTypes()));
        }
        if (member instanceof Constructor<?> || member instanceof Method) {
            for (TypeVariable<?> variable : ((Executable) member).getTypeParameters()) {
                types.addAll(List.of(variable.getBounds()));
            }
        }
        return types;
    }

    private static void mentionsOnlyStable(String where, List<Type> types, List<String> violations) {
        Set<Class<?>> mentioned = new LinkedHashSet<>();
        types.forEach(type -> classesIn(type, mentioned, new LinkedHashSet<>()));
        for (Class<?> type : mentioned) {
            if (!type.getName().startsWith(API_PACKAGE + ".")) {
                continue;
            }
            Api api = type.getAnnotation(Api.class);
            Api.Status status = api == null ? Api.Status.INTERNAL : api.status();
            if (status != Api.Status.STABLE) {
                violations.add(where + " mentions " + status + " " + type.getName());
            }
        }
    }

    /** Collects every class a type names, through type arguments, wildcards, arrays and variable bounds. */
    private static void classesIn(Type type, Set<Class<?>> classes, Set<TypeVariable<?>> seen) {
        if (type instanceof Class<?> plain) {
            classes.add(plain.isArray() ? plain.getComponentType() : plain);
        } else if (type instanceof ParameterizedType parameterized) {
            classesIn(parameterized.getRawType(), classes, seen);
            for (Type argument : parameterized.getActualTypeArguments()) {
                classesIn(argument, classes, seen);
            }
        } else if (type instanceof WildcardType wildcard) {
            for (Type bound : wildcard.getUpperBounds()) {
                classesIn(bound, classes, seen);
            }
            for (Type bound : wildcard.getLowerBounds()) {
                classesIn(bound, classes, seen);
            }
        } else if (type instanceof GenericArrayType array) {
            classesIn(array.getGenericComponentType(), classes, seen);
        } else if (type instanceof TypeVariable<?> variable && seen.add(variable)) {
            for (Type bound : variable.getBounds()) {
                classesIn(bound, classes, seen);
            }
        }
    }

    private static void checkSince(String where, Api api, List<String> violations) {
        try {
            if (ApiVersion.parse(api.since()).compareTo(ApiVersion.CURRENT) > 0) {
                violations.add(where + " says it appeared in " + api.since() + ", after this API's version "
                        + ApiVersion.CURRENT);
            }
        } catch (IllegalArgumentException e) {
            violations.add(where + " has since = \"" + api.since() + "\", not a version like 1.0");
        }
    }

    private static boolean isVisible(Class<?> type) {
        for (Class<?> level = type; level != null; level = level.getEnclosingClass()) {
            if (!Modifier.isPublic(level.getModifiers())) {
                return false;
            }
        }
        return !type.isAnonymousClass() && !type.isLocalClass();
    }

    private static boolean isPublicOrProtected(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }
}
