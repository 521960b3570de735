package org.careledger.install;

import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A migration that differs between the databases is written for both: every file in {@code db/h2}
 * has its PostgreSQL form in {@code db/postgresql} under the same name (so the same version), and
 * none of them is also in the shared {@code db/migration}. Checked without a PostgreSQL server.
 */
class VendorMigrationsTest {

    @Test
    void everyDatabaseSpecificMigrationExistsForBothDatabasesAndNowhereElse() throws IOException {
        Set<String> h2 = names("db/h2");
        Set<String> postgres = names("db/postgresql");
        assertThat(h2).isNotEmpty().isEqualTo(postgres);
        assertThat(names("db/migration")).doesNotContainAnyElementsOf(h2);
    }

    private static Set<String> names(String location) throws IOException {
        Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath*:" + location + "/**/*.sql");
        return Arrays.stream(found).map(Resource::getFilename).collect(Collectors.toCollection(TreeSet::new));
    }
}
