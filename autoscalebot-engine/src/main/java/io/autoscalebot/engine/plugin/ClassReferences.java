package io.autoscalebot.engine.plugin;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The packages a class file links to, read from its constant pool: every class it names and every type in the
 * descriptors of the fields and methods it uses.
 *
 * <p>Needed for jars without module-info: JPMS lets such an automatic module read every module of the platform, so
 * what it uses can only be learned from its classes. A hand-rolled reader because the JDK's class-file API is not in
 * Java 17, and only the constant pool's layout (JVMS 4.4) is needed.
 */
final class ClassReferences {

    private static final int MAGIC = 0xCAFEBABE;

    private ClassReferences() {
    }

    /**
     * @param classFile the bytes of a {@code .class} file
     * @return the dotted names of the packages of the classes it links to: those it names as classes (what it
     *     instantiates, calls, casts to, catches) and those in the descriptors of the fields and methods it uses;
     *     empty when the bytes are not a class file this reader understands (the JVM would refuse them anyway)
     */
    static Set<String> packages(byte[] classFile) {
        try {
            return read(ByteBuffer.wrap(classFile), classFile);
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
            return Set.of();
        }
    }

    private static Set<String> read(ByteBuffer in, byte[] bytes) {
        if (in.getInt() != MAGIC) {
            return Set.of();
        }
        in.position(8); // past the minor and major version
        int count = Short.toUnsignedInt(in.getShort());
        // Only the offsets of the texts at first: most are names and constants, and decoding them all would double the
        // time a large library takes to check.
        int[] utf8 = new int[count];
        int[] classNames = new int[count];
        int[] descriptors = new int[count];
        int classes = 0;
        int typed = 0;
        for (int index = 1; index < count; index++) {
            int tag = Byte.toUnsignedInt(in.get());
            switch (tag) {
                case 1 -> {
                    utf8[index] = in.position();
                    in.position(in.position() + 2 + Short.toUnsignedInt(in.getShort(in.position())));
                }
                case 7 -> classNames[classes++] = Short.toUnsignedInt(in.getShort());
                case 12 -> { // NameAndType: the name, then the descriptor of a field or method used
                    in.getShort();
                    descriptors[typed++] = Short.toUnsignedInt(in.getShort());
                }
                case 16 -> descriptors[typed++] = Short.toUnsignedInt(in.getShort()); // MethodType
                case 8, 19, 20 -> in.position(in.position() + 2);
                case 15 -> in.position(in.position() + 3);
                case 3, 4, 9, 10, 11, 17, 18 -> in.position(in.position() + 4);
                case 5, 6 -> {
                    in.position(in.position() + 8);
                    index++; // a long or double takes two entries
                }
                default -> {
                    return Set.of();
                }
            }
        }
        Set<String> packages = new HashSet<>();
        for (int index = 0; index < classes; index++) {
            String name = text(bytes, utf8[classNames[index]]);
            if (name.startsWith("[")) {
                addDescriptorTypes(name, packages); // an array class, named by its descriptor
            } else {
                addPackage(name, 0, name.length(), packages);
            }
        }
        for (int index = 0; index < typed; index++) {
            addDescriptorTypes(text(bytes, utf8[descriptors[index]]), packages);
        }
        return packages;
    }

    /** Decodes a CONSTANT_Utf8 at its offset; modified UTF-8 differs from UTF-8 in nothing a class name holds. */
    private static String text(byte[] bytes, int offset) {
        if (offset == 0) {
            throw new IndexOutOfBoundsException("not a text entry");
        }
        int length = ((bytes[offset] & 0xFF) << 8) | (bytes[offset + 1] & 0xFF);
        return new String(bytes, offset + 2, length, StandardCharsets.UTF_8);
    }

    /** Adds the packages of the object types in a descriptor: {@code (Lpicocli/CommandLine;I)V}. */
    private static void addDescriptorTypes(String descriptor, Set<String> packages) {
        for (int start = descriptor.indexOf('L'); start >= 0; start = descriptor.indexOf('L', start + 1)) {
            int end = descriptor.indexOf(';', start);
            if (end < 0) {
                return;
            }
            addPackage(descriptor, start + 1, end, packages);
            start = end;
        }
    }

    /** Adds the package of the internal class name {@code text[from, to)}, like {@code a/b/C}. */
    private static void addPackage(String text, int from, int to, Set<String> packages) {
        int slash = text.lastIndexOf('/', to - 1);
        if (slash > from) {
            packages.add(text.substring(from, slash).replace('/', '.'));
        }
    }
}
