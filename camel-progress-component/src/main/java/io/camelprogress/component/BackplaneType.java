package io.camelprogress.component;

/** Which backplane gives events their ids. */
public enum BackplaneType {
    /** One node: ids from an in-process sequence. */
    local,
    /** Many nodes: ids are positions in one Kafka topic partition, the same on every node. */
    kafka
}
