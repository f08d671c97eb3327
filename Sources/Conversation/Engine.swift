// The conversation engine.
