package dev.faro.incentive.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The files leads may download, kept in PostgreSQL so every instance serves the same ones and backups hold them. */
@ApplicationScoped
public class ContentCatalogue {

    /** Big enough for an ebook or a short video; the whole file is held in memory while it is served. */
    public static final int MAX_BYTES = 20 * 1024 * 1024;

    private static final Pattern REF = Pattern.compile("[a-z0-9]([a-z0-9._-]{0,61}[a-z0-9])?");

    private final EntityManager entityManager;

    public ContentCatalogue(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public static boolean isValidRef(String ref) {
        return ref != null && REF.matcher(ref).matches();
    }

    /** Stores or replaces the file; returns whether it is new. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean store(ContentFile file) {
        // xmax is 0 on a freshly inserted row version and set on one the conflict branch updated.
        Object inserted = entityManager
                .createNativeQuery(
                        """
                        insert into content_file (ref, title, media_type, file_name, body)
                        values (:ref, :title, :mediaType, :fileName, :body)
                        on conflict (ref) do update set title = excluded.title, media_type = excluded.media_type,
                            file_name = excluded.file_name, body = excluded.body, updated_at = now()
                        returning (xmax = 0)
                        """)
                .setParameter("ref", file.ref())
                .setParameter("title", file.title())
                .setParameter("mediaType", file.mediaType())
                .setParameter("fileName", file.fileName())
                .setParameter("body", file.body())
                .getSingleResult();
        return Boolean.TRUE.equals(inserted);
    }

    /** Stores the file unless the ref is taken (a seed never overwrites a marketer's upload). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void storeIfAbsent(ContentFile file) {
        entityManager
                .createNativeQuery(
                        """
                        insert into content_file (ref, title, media_type, file_name, body)
                        values (:ref, :title, :mediaType, :fileName, :body)
                        on conflict (ref) do nothing
                        """)
                .setParameter("ref", file.ref())
                .setParameter("title", file.title())
                .setParameter("mediaType", file.mediaType())
                .setParameter("fileName", file.fileName())
                .setParameter("body", file.body())
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<ContentFile> find(String ref) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("select ref, title, media_type, file_name, body from content_file where ref = :ref")
                .setParameter("ref", ref)
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(row -> new ContentFile(
                        (String) row[0], (String) row[1], (String) row[2], (String) row[3], (byte[]) row[4]));
    }
}
