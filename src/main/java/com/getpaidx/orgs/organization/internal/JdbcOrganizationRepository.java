package com.getpaidx.orgs.organization.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.getpaidx.orgs.organization.Organization;
import com.getpaidx.orgs.organization.OrganizationStatus;
import com.getpaidx.orgs.shared.OrgId;

@Repository
public class JdbcOrganizationRepository {

    private static final String COLUMNS = "id, name, slug, status, created_at";

    private final JdbcClient jdbc;

    JdbcOrganizationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the slug is taken: the unique constraint decides, not a look-up before the insert. */
    public boolean insert(OrgId id, String name, String slug, Instant now) {
        return jdbc.sql("""
                INSERT INTO organization (id, name, slug, status, created_at)
                VALUES (:id, :name, :slug, 'active', :now)
                ON CONFLICT (slug) DO NOTHING""")
                .param("id", id.value()).param("name", name).param("slug", slug).param("now", Timestamp.from(now))
                .update() == 1;
    }

    public Optional<Organization> find(OrgId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organization WHERE id = :id")
                .param("id", id.value()).query(JdbcOrganizationRepository::map).optional();
    }

    public List<Organization> findAll(Collection<OrgId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM organization WHERE id = ANY(:ids)")
                .param("ids", ids.stream().map(OrgId::value).toArray(UUID[]::new))
                .query(JdbcOrganizationRepository::map).list();
    }

    /** Locks the row against archive/unarchive and renames for the rest of the transaction. */
    public Optional<Organization> lockForUpdate(OrgId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organization WHERE id = :id FOR UPDATE")
                .param("id", id.value()).query(JdbcOrganizationRepository::map).optional();
    }

    /**
     * A shared lock: many changes inside one org proceed together, but an archive waits for them
     * and they wait for an archive, so nothing changes in an org that is being archived.
     */
    public Optional<Organization> lockForShare(OrgId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organization WHERE id = :id FOR SHARE")
                .param("id", id.value()).query(JdbcOrganizationRepository::map).optional();
    }

    public void rename(OrgId id, String name) {
        jdbc.sql("UPDATE organization SET name = :name WHERE id = :id").param("id", id.value()).param("name", name).update();
    }

    public void setStatus(OrgId id, OrganizationStatus status) {
        jdbc.sql("UPDATE organization SET status = :status WHERE id = :id")
                .param("id", id.value()).param("status", status.json()).update();
    }

    private static Organization map(ResultSet rs, int row) throws SQLException {
        return new Organization(new OrgId(rs.getObject("id", UUID.class)), rs.getString("name"), rs.getString("slug"),
                OrganizationStatus.fromJson(rs.getString("status")), rs.getTimestamp("created_at").toInstant());
    }
}
