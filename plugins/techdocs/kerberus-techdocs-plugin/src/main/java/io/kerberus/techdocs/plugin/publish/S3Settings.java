package io.kerberus.techdocs.plugin.publish;

import java.net.URI;

/**
 * Where {@link S3Publisher} keeps sites: {@code techdocs.publisher.awsS3} in Backstage's shape.
 *
 * @param bucketName      the bucket, required
 * @param bucketRootPath  a key prefix for all sites, without leading or trailing {@code /}; empty for none
 * @param region          the region; null for the AWS SDK's region chain, else {@code us-east-1}
 * @param endpoint        the endpoint of an S3-compatible server; null for AWS
 * @param forcePathStyle  {@code http://host/bucket/key} instead of {@code http://bucket.host/key}
 * @param accessKeyId     with {@code secretAccessKey}, static credentials; both null for the SDK's default chain
 * @param secretAccessKey never shown by {@link #toString()}
 */
public record S3Settings(String bucketName, String bucketRootPath, String region, URI endpoint,
                         boolean forcePathStyle, String accessKeyId, String secretAccessKey) {

    public S3Settings {
        if (bucketName == null || bucketName.isBlank()) {
            throw new IllegalArgumentException("techdocs.publisher.awsS3.bucketName is required: name the bucket that holds the docs sites");
        }
        bucketName = bucketName.strip();
        bucketRootPath = trimSlashes(bucketRootPath);
        region = blankToNull(region);
        accessKeyId = blankToNull(accessKeyId);
        secretAccessKey = blankToNull(secretAccessKey);
        if ((accessKeyId == null) != (secretAccessKey == null)) {
            throw new IllegalArgumentException("techdocs.publisher.awsS3.credentials needs both accessKeyId and secretAccessKey,"
                    + " or neither to use the AWS SDK's default credential chain");
        }
    }

    /** Settings for a bucket on AWS with the SDK's default region and credentials. */
    public static S3Settings bucket(String bucketName) {
        return new S3Settings(bucketName, "", null, null, false, null, null);
    }

    /** Whether static credentials were given. */
    public boolean hasCredentials() {
        return accessKeyId != null;
    }

    /** Like the record's, with the secret left out. */
    @Override
    public String toString() {
        return "S3Settings[bucketName=" + bucketName + ", bucketRootPath=" + bucketRootPath + ", region=" + region
                + ", endpoint=" + endpoint + ", forcePathStyle=" + forcePathStyle + ", accessKeyId=" + accessKeyId
                + ", secretAccessKey=" + (secretAccessKey == null ? null : "***") + "]";
    }

    private static String trimSlashes(String path) {
        String p = path == null ? "" : path.strip();
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
