package dev.goodput.chart.timeline;

/**
 * One state's run held unchanged across adjacent columns [firstColumn, lastColumn], over units [bottom, top)
 * counted from the lane's bottom: one rectangle in a vector export.
 */
public record StackBlock(int category, int firstColumn, int lastColumn, int bottom, int top) {
}
