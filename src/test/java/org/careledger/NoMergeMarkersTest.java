package org.careledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No file of the project holds a merge's conflict markers. A properties file takes them for keys
 * and keeps working, so nothing else would notice (one stayed in application.properties for a while).
 */
class NoMergeMarkersTest {

    private static final List<Path> ROOTS = List.of(Path.of("src"), Path.of("docs"), Path.of("scripts"), Path.of("frontend"),
            Path.of(".ci"), Path.of("pom.xml"), Path.of("README.md"));

    @Test
    void noFileHoldsConflictMarkers() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path root : ROOTS) {
            if (!Files.exists(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).filter(NoMergeMarkersTest::isText).toList()) {
                    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                    for (int i = 0; i < lines.size(); i++) {
                        if (lines.get(i).startsWith("<<<<<<< ") || lines.get(i).startsWith(">>>>>>> ")) {
                            found.add(file + ":" + (i + 1));
                        }
                    }
                }
            }
        }
        assertThat(found).as("conflict markers left by a merge").isEmpty();
    }

    private static boolean isText(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".java") || name.endsWith(".properties") || name.endsWith(".sql") || name.endsWith(".md")
                || name.endsWith(".xml") || name.endsWith(".css") || name.endsWith(".js") || name.endsWith(".json")
                || name.endsWith(".yml") || name.equals("run") || !name.contains(".");
    }
}
