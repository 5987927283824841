package vn.ioc.citizenreports.report;

/** A file as the citizen sent it, before it is checked. */
public record Upload(String fileName, byte[] content) {}
