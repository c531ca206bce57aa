// Every page of a signed-in terminal keeps it online: the center counts it among the online
// terminals and it serves the contents this browser shares, whatever page the user is reading.
// Pages that use the engine themselves get this same one from startTerminal().
import { startTerminal } from './swarm.js';

startTerminal();
