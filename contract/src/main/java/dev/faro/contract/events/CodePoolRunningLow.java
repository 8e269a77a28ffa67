package dev.faro.contract.events;

/**
 * An allocation took an imported code pool down to its low-water mark: import more codes before it runs out.
 * Published once per crossing; the Kafka record key is the pool id.
 */
public record CodePoolRunningLow(String poolId, String campaign, long remaining, long lowWater) {}
