package io.autoscalebot.engine.state;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Keeps each group's state as JSON in {@code STATE_DIR/GROUP/engine-state.json}, beside the plugins' own state folders.
 *
 * <p>A save never leaves a half-written file where a later start would read it: the new content goes to a temporary
 * file in the same directory, which is forced to disk, then moved over the old file atomically, and the directory is
 * forced so the move itself survives a power cut. A crash at any point leaves either the old or the new state.
 */
public final class FileStateStore implements StateStore {

    /** The file name of a group's state inside its folder. */
    public static final String FILE_NAME = "engine-state.json";

    private static final String TEMP_SUFFIX = ".tmp";

    private final Path directory;
    private final System.Logger logger;

    /**
     * @param directory the state directory ({@code EngineConfig.stateDirectory()}); created when first written
     * @param logger where warnings about unreadable state go
     */
    public FileStateStore(Path directory, System.Logger logger) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.logger = Objects.requireNonNull(logger, "logger");
    }

    /** @return the file holding a group's state */
    public Path file(String group) {
        if (group.isEmpty() || group.contains("/") || group.contains("\\") || group.startsWith(".")) {
            throw new IllegalArgumentException("a group name must be usable as a folder name, got '" + group + "'");
        }
        return directory.resolve(group).resolve(FILE_NAME);
    }

    @Override
    public GroupState load(String group) {
        Path file = file(group);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return GroupState.EMPTY;
        } catch (IOException e) {
            logger.log(Level.WARNING, "cannot read the state of group '" + group + "' from " + file + " ("
                    + e.getMessage() + "); starting afresh: waits after the last scale start over. Check the file's "
                    + "permissions.");
            return GroupState.EMPTY;
        }
        try {
            return StateJson.read(bytes);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            logger.log(Level.WARNING, "the state of group '" + group + "' in " + file + " is corrupt ("
                    + e.getMessage() + "); starting afresh: waits after the last scale start over. "
                    + "The file is replaced at the next scale.");
            return GroupState.EMPTY;
        }
    }

    @Override
    public void save(String group, GroupState state) throws IOException {
        Path file = file(group);
        Path folder = file.getParent();
        Files.createDirectories(folder);
        removeLeftoverTemporaryFiles(folder);
        Path temp = Files.createTempFile(folder, FILE_NAME + ".", TEMP_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(StateJson.write(state));
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        forceDirectory(folder);
    }

    /** Temporary files left by a crash mid-save hold nothing the state file does not; they only take space. */
    private void removeLeftoverTemporaryFiles(Path folder) throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(folder, FILE_NAME + ".*" + TEMP_SUFFIX)) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        }
    }

    private void forceDirectory(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms (Windows) cannot open a directory; the move is still atomic there, only less durable.
            logger.log(Level.DEBUG, "cannot force directory " + folder + " to disk: " + e.getMessage());
        }
    }
}
