package dev.goodput.core.sim;

/**
 * The model being trained, as the run header states it for MFU (PaLM FLOP convention).
 *
 * @param parameters      dense parameter count
 * @param tokensPerStep   global batch in tokens
 * @param layers          transformer layers
 * @param heads           attention heads
 * @param headDim         dimension per head
 * @param sequenceLength  tokens per sequence
 */
public record ModelShape(double parameters, long tokensPerStep, int layers, int heads, int headDim,
                         int sequenceLength) {
    /**
     * Llama 3 405B at 8K context (paper Tables 3 and 4): 126 layers, model dimension 16,384 in 128 heads,
     * a 16M-token batch of 2,048 sequences of 8,192 tokens.
     */
    public static ModelShape llama3405b() {
        return new ModelShape(405e9, 2048L * 8192, 126, 128, 128, 8192);
    }

    public ModelShape withTokensPerStep(long tokens) {
        return new ModelShape(parameters, tokens, layers, heads, headDim, sequenceLength);
    }

    /** PaLM (Chowdhery et al., App. B): tokens × (6N + 12·L·H·Q·T); what the derivation uses for this header. */
    public double flopsPerStep() {
        return tokensPerStep * (6.0 * parameters + 12.0 * layers * heads * headDim * (double) sequenceLength);
    }
}
