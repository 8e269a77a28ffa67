package dev.faro.incentive.pool;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An imported code pool and how much of it is left. */
@Schema(name = "CodePool")
public record CodePool(String id, String campaign, long lowWater, long total, long allocated, long remaining) {}
