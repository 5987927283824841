package vn.ioc.citizenreports.report;

import java.util.stream.IntStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.tika.Tika;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.ioc.citizenreports.report.InvalidReportException.FieldProblem;

/**
 * Evidence files, outside the database: {@code <directory>/<reportId>/<seq>}. What a file is comes
 * from its content (Apache Tika), never from its name.
 */
@Component
public class EvidenceStore {

  public static final int MAX_FILES = 5;
  public static final long MAX_PHOTO_BYTES = 10L * 1024 * 1024;
  public static final long MAX_VIDEO_BYTES = 30L * 1024 * 1024;
  private static final List<String> PHOTOS = List.of("image/jpeg", "image/png", "image/webp", "image/heic", "image/heif");
  private static final List<String> VIDEOS = List.of("video/mp4", "video/quicktime");

  private final Path directory;
  private final Tika tika = new Tika();

  public EvidenceStore(@Value("${citizen-reports.evidence.directory}") Path directory) {
    this.directory = directory;
  }

  /** The content type of each upload, or the problems that refuse them. */
  public List<String> check(List<Upload> uploads, List<FieldProblem> problems) {
    if (uploads.size() > MAX_FILES) {
      problems.add(new FieldProblem("evidence", "at most " + MAX_FILES + " files, not " + uploads.size()));
    }
    return IntStream.range(0, uploads.size()).mapToObj(i -> {
      Upload upload = uploads.get(i);
      String field = "evidence[" + (i + 1) + "]";
      String type = tika.detect(upload.content());
      if (PHOTOS.contains(type)) {
        if (upload.content().length > MAX_PHOTO_BYTES) {
          problems.add(new FieldProblem(field, "a photo may have at most 10 MB"));
        }
      } else if (VIDEOS.contains(type)) {
        if (upload.content().length > MAX_VIDEO_BYTES) {
          problems.add(new FieldProblem(field, "a video may have at most 30 MB"));
        }
      } else {
        problems.add(new FieldProblem(field, "is " + type + ", not a photo (JPEG, PNG, WebP, HEIC) or a video (MP4, MOV)"));
      }
      return type;
    }).toList();
  }

  /** Writes the files of a report; the caller removes them with {@link #delete} if its work fails. */
  public List<Evidence> write(String reportId, List<Upload> uploads, List<String> types) {
    if (uploads.isEmpty()) {
      return List.of();
    }
    try {
      Path folder = Files.createDirectories(directory.resolve(reportId));
      return IntStream.range(0, uploads.size()).mapToObj(i -> {
        Upload upload = uploads.get(i);
        try {
          Files.write(folder.resolve(String.valueOf(i + 1)), upload.content());
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot store evidence of " + reportId, e);
        }
        return new Evidence(reportId, i + 1, safeName(upload.fileName()), types.get(i), upload.content().length,
            TrackingTokens.sha256(upload.content()));
      }).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot store evidence of " + reportId, e);
    }
  }

  public Optional<Path> file(String reportId, int seq) {
    Path file = directory.resolve(reportId).resolve(String.valueOf(seq));
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  public void delete(String reportId) {
    Path folder = directory.resolve(reportId);
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot remove evidence of " + reportId, e);
    }
  }

  private static String safeName(String name) {
    String base = name == null ? "evidence" : Path.of(name).getFileName().toString();
    return base.length() > 255 ? base.substring(base.length() - 255) : base;
  }
}
