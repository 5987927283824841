package vn.ioc.citizenreports.routing;

/**
 * A unit that handles reports: a state agency or an enterprise. Its id is also its Camunda group
 * id, so the unit's staff find its reports in Tasklist.
 */
public record Unit(String id, String name, String kind, String parentId, String area, String mailbox) {}
