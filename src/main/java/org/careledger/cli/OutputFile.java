package org.careledger.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * The file an {@code --out} option names. Checked before the command does its work, so a path that
 * cannot be a file is refused at once, and written with errors a person reads: a directory, a parent
 * path through a file or a place the user may not write are mistakes in the command line (exit 2),
 * not failures to be shown as Java exceptions. Missing parent directories are created.
 */
final class OutputFile {

    private final String option;
    private final Path file;

    private OutputFile(String option, Path file) {
        this.option = option;
        this.file = file;
    }

    /**
     * The file named by {@code option}; {@code example} is a file name to suggest when it names a directory.
     *
     * @throws UsageException if the option is missing or names a directory
     */
    static OutputFile of(Options options, String option, String example) {
        Path file = Path.of(options.required(option));
        if (Files.isDirectory(file)) {
            throw new UsageException(option + " " + file + " is a directory; give the path of the file to write, such as "
                    + file.resolve(example));
        }
        return new OutputFile(option, file);
    }

    Path path() {
        return file;
    }

    /** Writes {@code text} as UTF-8, creating missing parent directories. */
    void write(String text) throws IOException {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (AccessDeniedException e) {
            throw new UsageException(option + " " + file + " cannot be written: permission denied for " + e.getFile());
        } catch (FileAlreadyExistsException | NotDirectoryException e) {
            throw new UsageException(option + " " + file + " cannot be written: " + e.getFile() + " is a file, not a directory");
        } catch (NoSuchFileException e) {
            throw new UsageException(option + " " + file + " cannot be written: " + e.getFile() + " does not exist");
        } catch (FileSystemException e) {
            String where = e.getFile() == null ? "" : e.getFile() + ": ";
            throw new UsageException(option + " " + file + " cannot be written: " + where + (e.getReason() == null ? "refused" : e.getReason()));
        }
    }
}
