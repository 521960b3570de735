package org.careledger.install;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The portal's connection pool, as Spring Boot would build it from {@code spring.datasource.*},
 * with one difference: an H2 file opened with {@code CIPHER=AES} gets the file password derived
 * from the master key in front of the user's password (see {@link InstallDatabase}). Another
 * database (PostgreSQL) is connected to as configured. And the {@link DatabaseMaintenance} of the
 * database the URL names.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DataSourceProperties properties, MasterKey masterKey) {
        HikariDataSource dataSource = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        String url = properties.determineUrl();
        if (url != null && url.startsWith("jdbc:h2:file:") && url.toUpperCase(java.util.Locale.ROOT).contains(";CIPHER=AES")) {
            dataSource.setPassword(InstallDatabase.password(masterKey.bytes(), properties.determinePassword()));
        }
        return dataSource;
    }

    @Bean
    DatabaseMaintenance databaseMaintenance(DataSourceProperties properties, HikariDataSource dataSource, InstallSettings install) {
        String url = properties.determineUrl();
        if (InstallDatabase.isH2(url)) {
            return new H2Maintenance(dataSource, install);
        }
        if (InstallDatabase.isPostgres(url)) {
            return new PostgresMaintenance(dataSource);
        }
        throw new StartupConfigurationException("CareLedger runs on its embedded H2 database or on PostgreSQL, not on " + url + ".",
                "Unset spring.datasource.url for the embedded database, or start with SPRING_PROFILES_ACTIVE=postgres and "
                        + "CARELEDGER_DB_URL=jdbc:postgresql://HOST:5432/DATABASE (see the README).");
    }
}
