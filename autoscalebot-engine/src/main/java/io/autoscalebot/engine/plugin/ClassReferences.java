package io.autoscalebot.engine.plugin;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packages a class file refers to, read from its constant pool: every class it names (what it instantiates,
 * calls, casts to or catches) and every type in its field and method descriptors.
 *
 * <p>Needed for jars without module-info: JPMS lets such an automatic module read every module of the platform, so
 * what it uses can only be learned from its classes. A hand-rolled reader because the JDK's class-file API is not in
 * Java 17, and only the constant pool's layout (JVMS 4.4) is needed.
 */
final class ClassReferences {

    private static final int MAGIC = 0xCAFEBABE;
    /** An object type in a descriptor or signature: {@code Lpicocli/CommandLine;}. */
    private static final Pattern OBJECT_TYPE = Pattern.compile("L([\\w$/]+)[;<]");

    private ClassReferences() {
    }

    /**
     * @param classFile the bytes of a {@code .class} file
     * @return the dotted names of the packages it refers to; empty when the bytes are not a class file this reader
     *     understands (the JVM would refuse them anyway)
     */
    static Set<String> packages(byte[] classFile) {
        Set<String> packages = new HashSet<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile))) {
            if (in.readInt() != MAGIC) {
                return Set.of();
            }
            in.readUnsignedShort(); // minor version
            in.readUnsignedShort(); // major version
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            int[] classNames = new int[count];
            int classes = 0;
            for (int index = 1; index < count; index++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[index] = in.readUTF();
                    case 7 -> classNames[classes++] = in.readUnsignedShort();
                    case 8, 16, 19, 20 -> in.skipNBytes(2);
                    case 15 -> in.skipNBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                    case 5, 6 -> {
                        in.skipNBytes(8);
                        index++; // a long or double takes two entries
                    }
                    default -> {
                        return Set.of();
                    }
                }
            }
            for (int index = 0; index < classes; index++) {
                addClass(utf8[classNames[index]], packages);
            }
            for (String text : utf8) {
                if (text != null && text.indexOf(';') > 0) {
                    Matcher type = OBJECT_TYPE.matcher(text);
                    while (type.find()) {
                        addClass(type.group(1), packages);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return Set.of();
        }
        return packages;
    }

    /** Adds the package of a class name as the constant pool writes it: {@code a/b/C}, or an array {@code [La/b/C;}. */
    private static void addClass(String name, Set<String> packages) {
        if (name == null) {
            return;
        }
        String element = name;
        if (element.startsWith("[")) {
            int start = element.indexOf('L');
            if (start < 0 || !element.endsWith(";")) {
                return; // an array of a primitive type
            }
            element = element.substring(start + 1, element.length() - 1);
        }
        int slash = element.lastIndexOf('/');
        if (slash > 0) {
            packages.add(element.substring(0, slash).replace('/', '.'));
        }
    }
}
