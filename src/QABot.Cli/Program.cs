// Placeholder entry point until the command tree lands; keeps the solution building.
return 0;
