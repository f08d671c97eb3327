// Coaching policy: pattern cache, message classification, routing, thread pruning (pure).
