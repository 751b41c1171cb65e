package com.getpaidx.orgs.account.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated service token never sits in a file others may read. */
class ServiceTokenFileTests {

    @TempDir Path directory;

    private static String mode(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    @Test
    void aGeneratedTokenIsWrittenToAFileOnlyItsOwnerReads() throws Exception {
        Path file = directory.resolve("nested/service-token");
        String token = ServiceToken.storedOrGenerated(file);
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(Files.readString(file).trim()).isEqualTo(token);
        assertThat(token).hasSizeGreaterThanOrEqualTo(ServiceToken.MIN_LENGTH);
        try (var left = Files.list(file.getParent())) {
            assertThat(left).containsExactly(file); // no draft left behind
        }
    }

    @Test
    void theFileIsPrivateBeforeTheTokenIsWrittenIntoIt() throws Exception {
        Path draft = ServiceToken.createPrivate(directory.resolve("service-token.new"));
        assertThat(Files.size(draft)).isZero();
        assertThat(mode(draft)).isEqualTo("rw-------");
    }

    @Test
    void aKeptTokenIsReusedAndItsFileNarrowedToTheOwner() throws Exception {
        Path file = directory.resolve("service-token");
        String kept = "kept-token-0123456789-abcdefghijklmnopqrstuvwxyz";
        Files.writeString(file, kept + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));

        assertThat(ServiceToken.storedOrGenerated(file)).isEqualTo(kept);
        assertThat(mode(file)).isEqualTo("rw-------");
    }

    @Test
    void aTooShortKeptTokenIsReplacedByAPrivateFile() throws Exception {
        Path file = directory.resolve("service-token");
        Files.writeString(file, "short\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        String token = ServiceToken.storedOrGenerated(file);
        assertThat(token).isNotEqualTo("short");
        assertThat(Files.readString(file).trim()).isEqualTo(token);
        assertThat(mode(file)).isEqualTo("rw-------");
    }

    @Test
    void aDraftLeftByACrashIsStartedOver() throws Exception {
        Path file = directory.resolve("service-token");
        Path draft = directory.resolve("service-token.new");
        Files.writeString(draft, "stale");
        Files.setPosixFilePermissions(draft, PosixFilePermissions.fromString("rw-rw-rw-"));

        ServiceToken.storedOrGenerated(file);
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(Files.exists(draft)).isFalse();
    }
}
