package io.kerberus.platform.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.jdbi.v3.core.Jdbi;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ES256 signing keys kept in {@code platform_auth_keys}, so that every replica verifies every
 * replica's tokens and a restart signs no one out. A new key is made when the newest is older
 * than the rotation interval; old keys stay until no token signed with them can still be valid.
 */
public final class SigningKeys {

    private static final Duration ROTATION = Duration.ofHours(24);
    private static final Duration RELOAD_AT_MOST_EVERY = Duration.ofSeconds(1);

    private final Jdbi jdbi;
    private final Clock clock;
    private final Duration keep;
    private final Map<String, ECKey> publicKeys = new ConcurrentHashMap<>();
    private volatile ECKey current;
    private volatile long currentCreated;
    private volatile long lastReload;

    public SigningKeys(Jdbi jdbi, Clock clock, Duration tokenLifetime) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.keep = ROTATION.plus(tokenLifetime).plus(Duration.ofHours(1));
    }

    /** The key to sign with now, rotating it when it is too old. */
    public synchronized ECKey current() {
        long now = clock.millis();
        if (current == null || now - currentCreated > ROTATION.toMillis()) {
            reload();
            if (current == null || now - currentCreated > ROTATION.toMillis()) {
                create(now);
            }
        }
        return current;
    }

    /** The public key with id {@code kid}, reloading from the database (at most once a second) for a key this replica has not seen. */
    public Optional<ECKey> publicKey(String kid) {
        ECKey key = publicKeys.get(kid);
        if (key == null && clock.millis() - lastReload > RELOAD_AT_MOST_EVERY.toMillis()) {
            reload();
            key = publicKeys.get(kid);
        }
        return Optional.ofNullable(key);
    }

    /** The public keys as a JWKS document. */
    public Map<String, Object> jwks() {
        current();
        reload();
        return new JWKSet(List.copyOf(publicKeys.values())).toJSONObject(true);
    }

    private void create(long now) {
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString())
                    .algorithm(JWSAlgorithm.ES256).keyUse(KeyUse.SIGNATURE).generate();
            jdbi.useHandle(handle -> handle.createUpdate("""
                            INSERT INTO platform_auth_keys (kid, public_jwk, private_jwk, created_at) VALUES (:kid, :public, :private, :created)""")
                    .bind("kid", key.getKeyID()).bind("public", key.toPublicJWK().toJSONString())
                    .bind("private", key.toJSONString()).bind("created", now).execute());
            jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM platform_auth_keys WHERE created_at < :before")
                    .bind("before", now - keep.toMillis()).execute());
            current = key;
            currentCreated = now;
            publicKeys.put(key.getKeyID(), key.toPublicJWK());
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot create a signing key: " + e.getMessage(), e);
        }
    }

    private synchronized void reload() {
        lastReload = clock.millis();
        record Row(String kid, String publicJwk, String privateJwk, long createdAt) {
        }
        List<Row> rows = jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT kid, public_jwk, private_jwk, created_at FROM platform_auth_keys ORDER BY created_at DESC")
                .map((rs, ctx) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4))).list());
        try {
            for (Row row : rows) {
                publicKeys.putIfAbsent(row.kid(), ECKey.parse(row.publicJwk()));
            }
            publicKeys.keySet().retainAll(rows.stream().map(Row::kid).toList());
            if (!rows.isEmpty() && (current == null || rows.getFirst().createdAt() > currentCreated)) {
                current = ECKey.parse(rows.getFirst().privateJwk());
                currentCreated = rows.getFirst().createdAt();
            }
        } catch (ParseException e) {
            throw new IllegalStateException("A signing key in platform_auth_keys is damaged: " + e.getMessage(), e);
        }
    }
}
