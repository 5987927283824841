package vn.ioc.citizenreports.reference;

/** A ward or commune, the smallest area reports are routed by. */
public record Ward(String code, String name, String districtCode, String districtName) {}
