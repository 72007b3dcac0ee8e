"""The volunteers area: the register, the friend service, neighbour help and the hours."""
