package vn.ioc.citizenreports.reference;

/** A kind of problem a citizen can report, e.g. {@code ROAD_DAMAGE}. */
public record Category(String code, String nameVi, String nameEn, String field) {}
