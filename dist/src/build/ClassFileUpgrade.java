import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites the classes of a jar built for Java 5 (class file version 49) as Java 8 class files (version 52) with the
 * stack map frames those carry, in place; everything else in the jar is copied as it is. Run by the dist build on
 * lib/'s picocli (issue 11).
 *
 * <p>Why: the JDK never puts a class older than version 50 in a class-data archive once it has been linked (it was
 * checked by the old type-inferring verifier, whose checks cannot be recorded), so JDK 17's dynamic archive and JDK 25's
 * AOT cache skipped all ~175 picocli classes every brief command loads, and each run parsed and verified them again:
 * about a seventh of `config validate`'s CPU time on JDK 25. The code itself is unchanged: the same instructions,
 * with the frames the new verifier checks computed from them.
 *
 * <p>{@code java -cp asm.jar ClassFileUpgrade.java JAR}
 */
public final class ClassFileUpgrade {

    private static final int JAVA_8 = 52;

    private ClassFileUpgrade() {
    }

    public static void main(String[] args) throws IOException {
        Path jar = Path.of(args[0]);
        Path upgraded = jar.resolveSibling(jar.getFileName() + ".upgraded");
        int count = 0;
        // Frames need the common superclass of two types: asm asks a class loader, here one over the jar itself.
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                        ClassLoader.getPlatformClassLoader());
                ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(upgraded))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (entry.getName().endsWith(".class") && majorVersion(bytes) < JAVA_8) {
                    bytes = upgrade(bytes, loader);
                    count++;
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                out.write(bytes);
                out.closeEntry();
            }
        }
        if (count == 0) {
            // Already done by an earlier build (copy-dependencies keeps a copy newer than the repository's): the jar
            // stays as it is, and so does its time, which the launcher compares with its archives'.
            Files.delete(upgraded);
            return;
        }
        Files.move(upgraded, jar, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("ClassFileUpgrade: " + count + " classes of " + jar.getFileName() + " now Java 8 class files");
    }

    private static int majorVersion(byte[] classFile) {
        return (classFile[6] & 0xff) << 8 | classFile[7] & 0xff;
    }

    private static byte[] upgrade(byte[] classFile, ClassLoader loader) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected ClassLoader getClassLoader() {
                return loader;
            }
        };
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                    String[] interfaces) {
                super.visit(Opcodes.V1_8, access, name, signature, superName, interfaces);
            }
        }, 0);
        return writer.toByteArray();
    }
}
